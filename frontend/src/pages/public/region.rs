//! 「東京からのアクセスと暮らし」 on the posting page: how long the trip from Tokyo takes,
//! what it costs (two round trips a month, the usual rhythm of on-site days) and the rent, for
//! the posting's prefecture, and the support programmes partners list for it. It loads on its
//! own so the posting never waits for it, and shows nothing at all when the prefecture has
//! neither figures nor programmes.

use kakehashi_shared::enums::TravelCost;
use kakehashi_shared::region::{CityFacts, Programme, Region};
use yew::prelude::*;

use crate::api::{self, ApiError};
use crate::hooks::{use_remote, Remote};
use crate::i18n::format::yen;
use crate::i18n::{use_lang, Lang, Msg};

#[derive(Properties, PartialEq)]
pub struct RegionFactsProps {
    /// JIS code of the posting's prefecture.
    pub prefecture: AttrValue,
    /// The posting's travel-cost terms, when it has them: who pays for the trips.
    #[prop_or_default]
    pub travel_cost: Option<TravelCost>,
}

async fn load_region(prefecture: AttrValue) -> Result<Region, ApiError> {
    Ok(api::client().region(&prefecture).await?)
}

#[function_component(RegionFacts)]
pub fn region_facts(props: &RegionFactsProps) -> Html {
    let lang = use_lang();
    let prefecture = props.prefecture.clone();
    let (loaded, retry) = use_remote(move || load_region(prefecture));
    match loaded {
        // One quiet line: the section below it is usually short, so the page barely moves.
        Remote::Loading => html! {
            <p class="loading small region-loading" role="status">
                <span class="spinner" aria-hidden="true"></span>
                { Msg::RgLoading.t(lang) }
            </p>
        },
        // The posting matters more than these figures: say so quietly and offer a retry.
        Remote::Failed(_) => {
            let onclick = Callback::from(move |_: MouseEvent| retry.emit(()));
            html! {
                <div class="region-failed" role="status">
                    <p class="hint">{ Msg::RgFailed.t(lang) }</p>
                    <button type="button" class="button secondary small" {onclick}>{ Msg::Retry.t(lang) }</button>
                </div>
            }
        }
        Remote::Ready(region) if region.cities.is_empty() && region.programmes.is_empty() => {
            Html::default()
        }
        Remote::Ready(region) => html! {
            <>
                if !region.cities.is_empty() {
                    <section class="block region-facts" aria-labelledby="region-facts-title">
                        <h2 id="region-facts-title">{ Msg::RgTitle.t(lang) }</h2>
                        { for region.cities.iter().map(|city| city_facts(lang, &region, city)) }
                        { for props.travel_cost.map(|t| html! { <p class="region-who-pays">{ who_pays(t).t(lang) }</p> }) }
                        <p class="hint">{ Msg::RgNote.t(lang) }</p>
                    </section>
                }
                { programmes(lang, &region.programmes) }
            </>
        },
    }
}

/// The programmes and subsidies partners list for the prefecture, each with its link (opened
/// in a new tab: it leaves the site). Nothing when there are none.
fn programmes(lang: Lang, list: &[Programme]) -> Html {
    if list.is_empty() {
        return Html::default();
    }
    html! {
        <section class="block region-programmes" aria-labelledby="region-programmes-title">
            <h2 id="region-programmes-title">{ Msg::RpTitle.t(lang) }</h2>
            <ul class="card-list">
                { for list.iter().map(|p| html! {
                    <li class="card" key={p.id}>
                        <h3 class="card-title">{ p.title.clone() }</h3>
                        <dl class="details">
                            <div class="detail-row">
                                <dt>{ Msg::PgAmount.t(lang) }</dt>
                                <dd>{ p.amount.clone() }</dd>
                            </div>
                            <div class="detail-row">
                                <dt>{ Msg::PgEligibility.t(lang) }</dt>
                                <dd>{ p.eligibility.clone() }</dd>
                            </div>
                        </dl>
                        <p class="hint">{ Msg::RpProvider.t(lang).replace("{name}", &p.provider) }</p>
                        <p>
                            <a href={p.url.clone()} target="_blank" rel="noopener noreferrer">
                                { Msg::PgLink.t(lang) }
                                <span class="visually-hidden">{ format!(" {}", p.title) }</span>
                            </a>
                        </p>
                    </li>
                }) }
            </ul>
        </section>
    }
}

fn city_facts(lang: Lang, region: &Region, city: &CityFacts) -> Html {
    let pick = |ja: &str, en: &str| lang.pick(ja, en).to_owned();
    let lead = Msg::RgLead
        .t(lang)
        .replace(
            "{pref}",
            &pick(&region.prefecture.name_ja, &region.prefecture.name_en),
        )
        .replace("{city}", &pick(&city.name_ja, &city.name_en));
    let row = |label: Msg, value: String| {
        html! {
            <div class="detail-row">
                <dt>{ label.t(lang) }</dt>
                <dd>{ value }</dd>
            </div>
        }
    };
    html! {
        <>
            <p>{ lead }</p>
            <dl class="details region-details">
                { row(Msg::RgTravelTime, duration(lang, city.one_way_minutes)) }
                { row(Msg::RgFare, yen(city.round_trip_fare_yen)) }
                { row(Msg::RgTwoTrips, per_month(lang, city.two_round_trips_yen)) }
                { row(Msg::RgRent, per_month(lang, city.monthly_rent_yen)) }
            </dl>
        </>
    }
}

fn who_pays(terms: TravelCost) -> Msg {
    match terms {
        TravelCost::CompanyPays => Msg::RgCompanyPays,
        TravelCost::IncludedInFee => Msg::RgIncludedInFee,
        TravelCost::NotApplicable => Msg::RgNotApplicable,
    }
}

/// A travel time: 2時間12分 / 2 h 12 min.
fn duration(lang: Lang, minutes: i32) -> String {
    let (h, m) = (minutes / 60, minutes % 60);
    match (lang, h, m) {
        (Lang::Ja, 0, _) => format!("{m}分"),
        (Lang::Ja, _, 0) => format!("{h}時間"),
        (Lang::Ja, _, _) => format!("{h}時間{m}分"),
        (Lang::En, 0, _) => format!("{m} min"),
        (Lang::En, _, 0) => format!("{h} h"),
        (Lang::En, _, _) => format!("{h} h {m} min"),
    }
}

/// An amount of yen a month: ¥59,240 / 月 (as the posting's fee is written).
fn per_month(lang: Lang, amount: i64) -> String {
    match lang {
        Lang::Ja => format!("{} / 月", yen(amount)),
        Lang::En => format!("{} / month", yen(amount)),
    }
}
