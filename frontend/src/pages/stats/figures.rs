//! The figures, one block per table: a heading, the table (the text every chart stands for), a
//! bar chart beside it and a CSV button. Shared by the public summary and the dashboard.

use std::rc::Rc;

use kakehashi_shared::stats::{Bucket, Stats};
use yew::prelude::*;

use crate::i18n::format::monthly_fee;
use crate::i18n::{use_lang, Lang, Msg};

/// How a block's CSV button works.
#[derive(Clone, PartialEq)]
pub enum Csv {
    /// A plain link (the public summary needs no token): the path, with its query started.
    Link(String),
    /// A button that downloads with the session's token: called with the sections.
    Fetch {
        on_click: Callback<&'static str>,
        /// The sections being prepared, if any (the button says so and waits).
        busy: Option<&'static str>,
    },
}

#[derive(Properties, PartialEq)]
pub struct FiguresProps {
    pub stats: Rc<Stats>,
    pub csv: Csv,
}

/// Whether the scope has no records at all (the page shows its empty state instead).
pub fn is_empty(s: &Stats) -> bool {
    let f = &s.funnel;
    f.talents + f.companies + f.applications == 0
        && s.terms.contracts == 0
        && s.satisfaction.reviews == 0
        && s.posting_challenges.is_empty()
        && s.continuation.iter().all(|c| c.eligible == 0)
}

const DASH: &str = "—";

fn count(n: Option<i64>) -> String {
    n.map(|n| n.to_string()).unwrap_or_else(|| DASH.to_owned())
}

fn days(lang: Lang, d: Option<f64>) -> String {
    d.map(|d| Msg::StDays.t(lang).replace("{n}", &format!("{d:.1}")))
        .unwrap_or_else(|| DASH.to_owned())
}

fn percent(r: Option<f64>) -> String {
    r.map(|r| format!("{:.1}%", r * 100.0))
        .unwrap_or_else(|| DASH.to_owned())
}

fn score(s: Option<f64>) -> String {
    s.map(|s| format!("{s:.2}"))
        .unwrap_or_else(|| DASH.to_owned())
}

fn hours(lang: Lang, h: Option<f64>) -> String {
    h.map(|h| {
        lang.pick("月{n}時間", "{n} h a month")
            .replace("{n}", &format!("{h:.1}"))
    })
    .unwrap_or_else(|| DASH.to_owned())
}

fn months(lang: Lang, m: i32) -> String {
    Msg::StMonthsN.t(lang).replace("{n}", &m.to_string())
}

/// A label short enough for the chart's label column; the table beside it has it whole.
fn short(lang: Lang, label: &str) -> String {
    let max = if lang == Lang::Ja { 8 } else { 15 };
    if label.chars().count() <= max {
        label.to_owned()
    } else {
        let mut s: String = label.chars().take(max - 1).collect();
        s.push('…');
        s
    }
}

/// Horizontal bars drawn in SVG (no chart library: see docs/DEVELOPERS.md, "Figures"). The
/// image is named for screen readers and points to the table, which holds the same numbers.
pub fn bar_chart(lang: Lang, title: Msg, rows: &[(String, Option<f64>, String)]) -> Html {
    const ROW: usize = 26;
    const LABEL: f64 = 112.0;
    const SPAN: f64 = 150.0;
    let max = rows
        .iter()
        .filter_map(|(_, v, _)| *v)
        .fold(0.0_f64, f64::max);
    // Nothing to draw (no rows, all zero or withheld): the table says so on its own.
    if max <= 0.0 {
        return Html::default();
    }
    let height = rows.len() * ROW + 6;
    let bars = rows.iter().enumerate().map(|(i, (label, value, shown))| {
        let y = i * ROW + 4;
        let width = match *value {
            Some(v) if v > 0.0 => (v / max * SPAN).max(2.0),
            _ => 0.0,
        };
        html! {
            <g>
                <text x="0" y={(y + 15).to_string()} class="chart-label">{ short(lang, label) }</text>
                <rect x={LABEL.to_string()} y={(y + 3).to_string()} width={format!("{width:.1}")} height="16" rx="2" class="chart-bar" />
                <text x={format!("{:.1}", LABEL + width + 4.0)} y={(y + 15).to_string()} class="chart-value">{ shown.clone() }</text>
            </g>
        }
    });
    let name = Msg::StChartOf.t(lang).replace("{title}", title.t(lang));
    html! {
        <svg class="chart" viewBox={format!("0 0 320 {height}")} role="img" aria-label={name}
            preserveAspectRatio="xMinYMin meet">
            { for bars }
        </svg>
    }
}

fn csv_control(lang: Lang, csv: &Csv, title: Msg, sections: &'static str) -> Html {
    // Every block has one; the name says which table, and still begins with the visible words.
    let name = Msg::StCsvOf.t(lang).replace("{title}", title.t(lang));
    match csv {
        Csv::Link(base) => html! {
            <a class="button secondary csv" href={format!("{base}&section={sections}")} download="" aria-label={name}>
                { Msg::StCsv.t(lang) }
            </a>
        },
        Csv::Fetch { on_click, busy } => {
            let waiting = *busy == Some(sections);
            let onclick = {
                let on_click = on_click.clone();
                Callback::from(move |_: MouseEvent| on_click.emit(sections))
            };
            html! {
                <button type="button" class="button secondary csv" {onclick} disabled={busy.is_some()} aria-label={name}>
                    { if waiting { Msg::StCsvPreparing.t(lang) } else { Msg::StCsv.t(lang) } }
                </button>
            }
        }
    }
}

/// One block: heading and CSV button, a note, then the table with its chart beside it.
fn block(
    lang: Lang,
    id: &str,
    title: Msg,
    note: Option<Msg>,
    table: Html,
    chart: Html,
    csv: Html,
) -> Html {
    // Prefixed, so a block's id cannot collide with another element of the page.
    let id = format!("st-{id}");
    html! {
        <section class="stats-block" aria-labelledby={id.clone()}>
            <div class="stats-head">
                <h2 id={id}>{ title.t(lang) }</h2>
                { csv }
            </div>
            if let Some(note) = note {
                <p class="hint">{ note.t(lang) }</p>
            }
            <div class="stats-body">
                <div class="stats-table">{ table }</div>
                <div class="stats-chart">{ chart }</div>
            </div>
        </section>
    }
}

/// A two-column table: label, number.
fn table(lang: Lang, head: Msg, value_head: Msg, rows: &[(String, String)]) -> Html {
    if rows.is_empty() {
        return html! { <p class="muted">{ Msg::StNoRows.t(lang) }</p> };
    }
    html! {
        <table class="data-table">
            <thead><tr><th scope="col">{ head.t(lang) }</th><th scope="col" class="num">{ value_head.t(lang) }</th></tr></thead>
            <tbody>
                { for rows.iter().map(|(label, value)| html! {
                    <tr><th scope="row">{ label.clone() }</th><td class="num">{ value.clone() }</td></tr>
                }) }
            </tbody>
        </table>
    }
}

fn distribution(
    lang: Lang,
    csv: &Csv,
    id: &'static str,
    title: Msg,
    note: Option<Msg>,
    buckets: &[Bucket],
) -> Html {
    let label = |b: &Bucket| lang.pick(&b.label_ja, &b.label_en).to_owned();
    let rows: Vec<(String, String)> = buckets.iter().map(|b| (label(b), count(b.count))).collect();
    let bars: Vec<(String, Option<f64>, String)> = buckets
        .iter()
        .map(|b| (label(b), b.count.map(|n| n as f64), count(b.count)))
        .collect();
    block(
        lang,
        id,
        title,
        note,
        table(lang, Msg::StItem, Msg::StNumber, &rows),
        bar_chart(lang, title, &bars),
        csv_control(lang, csv, title, id),
    )
}

#[function_component(Figures)]
pub fn figures(props: &FiguresProps) -> Html {
    let lang = use_lang();
    let s = &*props.stats;
    let csv = &props.csv;

    let f = &s.funnel;
    let funnel: Vec<(Msg, i64)> = vec![
        (Msg::StFunnelTalents, f.talents),
        (Msg::StFunnelCompanies, f.companies),
        (Msg::StFunnelApplications, f.applications),
        (Msg::StFunnelInterviews, f.interviews),
        (Msg::StFunnelOffers, f.offers),
        (Msg::StFunnelContracts, f.contracts),
    ];
    let funnel_block = block(
        lang,
        "funnel",
        Msg::StFunnel,
        Some(Msg::StFunnelNote),
        table(
            lang,
            Msg::StItem,
            Msg::StNumber,
            &funnel
                .iter()
                .map(|(m, n)| (m.t(lang).to_owned(), n.to_string()))
                .collect::<Vec<_>>(),
        ),
        bar_chart(
            lang,
            Msg::StFunnel,
            &funnel
                .iter()
                .map(|(m, n)| (m.t(lang).to_owned(), Some(*n as f64), n.to_string()))
                .collect::<Vec<_>>(),
        ),
        csv_control(lang, csv, Msg::StFunnel, "funnel"),
    );

    let times = [
        (Msg::StFirstResponse, &s.first_response),
        (Msg::StToContract, &s.to_contract),
    ];
    let times_table = html! {
        <table class="data-table">
            <thead><tr>
                <th scope="col">{ Msg::StItem.t(lang) }</th>
                <th scope="col" class="num">{ Msg::StMedian.t(lang) }</th>
                <th scope="col" class="num">{ Msg::StMean.t(lang) }</th>
                <th scope="col" class="num">{ Msg::StCount.t(lang) }</th>
            </tr></thead>
            <tbody>
                { for times.iter().map(|(m, d)| html! {
                    <tr>
                        <th scope="row">{ m.t(lang) }</th>
                        <td class="num">{ days(lang, d.median_days) }</td>
                        <td class="num">{ days(lang, d.mean_days) }</td>
                        <td class="num">{ d.count }</td>
                    </tr>
                }) }
            </tbody>
        </table>
    };
    let times_bars: Vec<(String, Option<f64>, String)> = times
        .iter()
        .map(|(m, d)| {
            (
                format!("{}（{}）", m.t(lang), Msg::StMedian.t(lang)),
                d.median_days,
                days(lang, d.median_days),
            )
        })
        .collect();
    let times_block = block(
        lang,
        "times",
        Msg::StTimes,
        None,
        times_table,
        bar_chart(lang, Msg::StTimes, &times_bars),
        csv_control(lang, csv, Msg::StTimes, "first_response,to_contract"),
    );

    let continuation_table = html! {
        <table class="data-table">
            <thead><tr>
                <th scope="col">{ Msg::StAfter.t(lang) }</th>
                <th scope="col" class="num">{ Msg::StRate.t(lang) }</th>
                <th scope="col" class="num">{ Msg::StContinued.t(lang) }</th>
                <th scope="col" class="num">{ Msg::StEligible.t(lang) }</th>
            </tr></thead>
            <tbody>
                { for s.continuation.iter().map(|c| html! {
                    <tr>
                        <th scope="row">{ months(lang, c.months) }</th>
                        <td class="num">{ percent(c.rate) }</td>
                        <td class="num">{ c.continued }</td>
                        <td class="num">{ c.eligible }</td>
                    </tr>
                }) }
            </tbody>
        </table>
    };
    let continuation_bars: Vec<(String, Option<f64>, String)> = s
        .continuation
        .iter()
        .map(|c| {
            (
                months(lang, c.months),
                c.rate.map(|r| r * 100.0),
                percent(c.rate),
            )
        })
        .collect();
    let continuation_block = block(
        lang,
        "continuation",
        Msg::StContinuation,
        Some(Msg::StContinuationNote),
        continuation_table,
        bar_chart(lang, Msg::StContinuation, &continuation_bars),
        csv_control(lang, csv, Msg::StContinuation, "continuation"),
    );

    // Two figures in different units: shown as a list, without a chart.
    let terms_block = html! {
        <section class="stats-block" aria-labelledby="st-terms">
            <div class="stats-head">
                <h2 id="st-terms">{ Msg::StTerms.t(lang) }</h2>
                { csv_control(lang, csv, Msg::StTerms, "terms") }
            </div>
            <dl class="stats-figures">
                <div><dt>{ Msg::StMeanFee.t(lang) }</dt><dd>{ s.terms.mean_monthly_fee.map(|f| monthly_fee(lang, f)).unwrap_or_else(|| DASH.to_owned()) }</dd></div>
                <div><dt>{ Msg::StMeanHours.t(lang) }</dt><dd>{ hours(lang, s.terms.mean_monthly_hours) }</dd></div>
                <div><dt>{ Msg::StContracts.t(lang) }</dt><dd>{ s.terms.contracts }</dd></div>
            </dl>
        </section>
    };

    let sat = &s.satisfaction;
    let score_buckets: Vec<Bucket> = sat
        .by_score
        .iter()
        .map(|b| Bucket {
            label_ja: Msg::StScoreN.t(Lang::Ja).replace("{n}", &b.code),
            label_en: Msg::StScoreN.t(Lang::En).replace("{n}", &b.code),
            ..b.clone()
        })
        .collect();
    let satisfaction_block = {
        let label = |b: &Bucket| lang.pick(&b.label_ja, &b.label_en).to_owned();
        let rows: Vec<(String, String)> = vec![
            (Msg::StSatMean.t(lang).to_owned(), score(sat.mean)),
            (
                Msg::StSatCompany.t(lang).to_owned(),
                score(sat.company_mean),
            ),
            (Msg::StSatTalent.t(lang).to_owned(), score(sat.talent_mean)),
            (Msg::StReviews.t(lang).to_owned(), sat.reviews.to_string()),
        ]
        .into_iter()
        .chain(score_buckets.iter().map(|b| (label(b), count(b.count))))
        .collect();
        let bars: Vec<(String, Option<f64>, String)> = score_buckets
            .iter()
            .map(|b| (label(b), b.count.map(|n| n as f64), count(b.count)))
            .collect();
        block(
            lang,
            "satisfaction",
            Msg::StSatisfaction,
            None,
            table(lang, Msg::StItem, Msg::StValue, &rows),
            bar_chart(lang, Msg::StSatisfaction, &bars),
            csv_control(
                lang,
                csv,
                Msg::StSatisfaction,
                "satisfaction,satisfaction_score",
            ),
        )
    };

    html! {
        <div class="stats">
            { funnel_block }
            { times_block }
            { continuation_block }
            { terms_block }
            { satisfaction_block }
            { distribution(lang, csv, "talent_residence", Msg::StTalentResidence, None, &s.talent_residence) }
            { distribution(lang, csv, "talent_age", Msg::StTalentAge, None, &s.talent_age) }
            { distribution(lang, csv, "talent_employer", Msg::StTalentEmployer, None, &s.talent_employer) }
            { distribution(lang, csv, "talent_skills", Msg::StTalentSkills, None, &s.talent_skills) }
            { distribution(lang, csv, "company_industry", Msg::StCompanyIndustry, None, &s.company_industry) }
            { distribution(lang, csv, "company_size", Msg::StCompanySize, None, &s.company_size) }
            { distribution(lang, csv, "company_prefecture", Msg::StCompanyPrefecture, None, &s.company_prefecture) }
            { distribution(lang, csv, "posting_challenges", Msg::StChallenges, Some(Msg::StChallengesNote), &s.posting_challenges) }
        </div>
    }
}
