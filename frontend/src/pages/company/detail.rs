//! A posting's fields as a definition list, with challenge and skill names from the taxonomy:
//! what the coordinator reads before approving.

use kakehashi_shared::project::Project;
use yew::prelude::*;

use super::common::{contract_type_name, format_day, format_fee, format_hours, travel_cost_name};
use super::form::jst_date;
use super::taxonomy::taxonomy;
use crate::components::{ErrorAlert, Loading};
use crate::hooks::{use_remote, Remote};
use crate::i18n::{join_list, use_lang, Msg};

#[derive(Properties, PartialEq)]
pub struct PostingDetailsProps {
    pub project: Project,
}

#[function_component(PostingDetails)]
pub fn posting_details(props: &PostingDetailsProps) -> Html {
    let lang = use_lang();
    let (tax, retry) = use_remote(taxonomy);
    let tax = match tax {
        Remote::Loading => return html! { <Loading /> },
        Remote::Failed(error) => return html! { <ErrorAlert {error} on_retry={retry} /> },
        Remote::Ready(tax) => tax,
    };
    let d = &props.project.draft;
    let unset = || Msg::NotSet.t(lang).to_owned();
    let text = |v: &Option<String>| {
        v.clone()
            .filter(|s| !s.trim().is_empty())
            .unwrap_or_else(unset)
    };
    let codes = |v: &Option<Vec<String>>, name: &dyn Fn(&str) -> String| {
        let names: Vec<String> = v.iter().flatten().map(|c| name(c)).collect();
        if names.is_empty() {
            unset()
        } else {
            join_list(lang, &names)
        }
    };
    let rows: Vec<(Msg, String)> = vec![
        (
            Msg::WzStepChallenges,
            codes(&d.challenges, &|c| tax.challenge_name(lang, c)),
        ),
        (Msg::FieldTitle, text(&d.title)),
        (Msg::FieldBackground, text(&d.background)),
        (Msg::FieldRole, text(&d.role)),
        (Msg::FieldTasks, text(&d.tasks)),
        (Msg::FieldDeliverables, text(&d.deliverables)),
        (
            Msg::FieldRequiredSkills,
            codes(&d.required_skills, &|c| tax.skill_name(lang, c)),
        ),
        (
            Msg::FieldPreferredSkills,
            codes(&d.preferred_skills, &|c| tax.skill_name(lang, c)),
        ),
        (
            Msg::FieldHours,
            d.hours_per_month
                .map(|h| format_hours(lang, h))
                .unwrap_or_else(unset),
        ),
        (
            Msg::FieldOnsite,
            d.onsite_days_per_month
                .map(|n| n.to_string())
                .unwrap_or_else(unset),
        ),
        (
            Msg::FieldRemote,
            d.remote_allowed
                .map(|r| {
                    if r { Msg::RemoteYes } else { Msg::RemoteNo }
                        .t(lang)
                        .to_owned()
                })
                .unwrap_or_else(unset),
        ),
        (
            Msg::FieldContract,
            d.contract_type
                .map(|c| contract_type_name(c).t(lang).to_owned())
                .unwrap_or_else(unset),
        ),
        (
            Msg::FieldFee,
            d.monthly_fee
                .map(|f| format_fee(lang, f))
                .unwrap_or_else(unset),
        ),
        (
            Msg::FieldTravel,
            d.travel_cost
                .map(|c| travel_cost_name(c).t(lang).to_owned())
                .unwrap_or_else(unset),
        ),
        (
            Msg::FieldPeriod,
            d.period_months.map(|n| n.to_string()).unwrap_or_else(unset),
        ),
        (
            Msg::FieldTrial,
            d.trial_days.map(|n| n.to_string()).unwrap_or_else(unset),
        ),
        (
            Msg::FieldStart,
            d.start_date
                .map(|s| format_day(lang, s))
                .unwrap_or_else(unset),
        ),
        (Msg::FieldIp, text(&d.ip_handling)),
        (Msg::FieldConfidentiality, text(&d.confidentiality)),
        (
            Msg::FieldQuestions,
            d.screening_questions
                .clone()
                .filter(|q| !q.is_empty())
                .map(|q| q.join("\n"))
                .unwrap_or_else(unset),
        ),
        (
            Msg::FieldOpens,
            d.recruitment_opens_at
                .map(|t| format_day(lang, jst_date(&t)))
                .unwrap_or_else(unset),
        ),
        (
            Msg::FieldCloses,
            d.recruitment_closes_at
                .map(|t| format_day(lang, jst_date(&t)))
                .unwrap_or_else(unset),
        ),
    ];
    html! {
        <dl class="details">
            { for rows.into_iter().map(|(label, value)| html! {
                <div class="detail-row">
                    <dt>{ label.t(lang) }</dt>
                    <dd class="pre">{ value }</dd>
                </div>
            }) }
        </dl>
    }
}
