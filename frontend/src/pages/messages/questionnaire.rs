//! `/applications/:id/questionnaire`: the four questions both sides answer before the first
//! interview (what you love, what makes you give 120%, what kills your motivation, what you
//! hope for). Each side sees the other's answers once it has saved its own (the API's rule).

use kakehashi_shared::application::{Application, QuestionnaireInput, Questionnaires};
use kakehashi_shared::client::ApiClient;
use kakehashi_shared::Validate;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use super::{back_link, parties};
use crate::api::ApiError;
use crate::components::{ErrorAlert, Loading, RequireSession};
use crate::forms::FormErrors;
use crate::hooks::{use_remote, use_title, Remote};
use crate::i18n::{use_lang, Lang, Msg};
use crate::pages::company::common::TextArea;
use crate::pages::contract::company_side;
use crate::session::use_session;

/// The questions by API field, with their label and hint, in order.
const QUESTIONS: [(&str, Msg, Msg); 4] = [
    ("what_you_love", Msg::QnLove, Msg::QnHintLove),
    ("what_drives_you", Msg::QnDrive, Msg::QnHintDrive),
    (
        "what_demotivates_you",
        Msg::QnDemotivate,
        Msg::QnHintDemotivate,
    ),
    ("hopes", Msg::QnHopes, Msg::QnHintHopes),
];

fn answer<'a>(q: &'a QuestionnaireInput, field: &str) -> &'a str {
    match field {
        "what_you_love" => &q.what_you_love,
        "what_drives_you" => &q.what_drives_you,
        "what_demotivates_you" => &q.what_demotivates_you,
        _ => &q.hopes,
    }
}

#[derive(Properties, PartialEq)]
pub struct QuestionnaireProps {
    /// The application's id.
    pub id: i64,
}

#[function_component(QuestionnairePage)]
pub fn questionnaire_page(props: &QuestionnaireProps) -> Html {
    use_title(Msg::QnTitle);
    html! {
        <RequireSession>
            <QuestionnaireLoader id={props.id} />
        </RequireSession>
    }
}

#[function_component(QuestionnaireLoader)]
fn questionnaire_loader(props: &QuestionnaireProps) -> Html {
    let lang = use_lang();
    let session = use_session();
    let id = props.id;
    let (loaded, retry) = use_remote(move || async move {
        session
            .call(|c: ApiClient| async move {
                let application = c.application(id).await?;
                let answers = c.questionnaire(id).await?;
                Ok((application, answers))
            })
            .await
    });
    match loaded {
        Remote::Loading => html! { <section class="page narrow"><Loading /></section> },
        Remote::Failed(error) => html! {
            <section class="page narrow">
                <h1>{ Msg::QnTitle.t(lang) }</h1>
                <ErrorAlert {error} on_retry={retry} />
            </section>
        },
        Remote::Ready((application, answers)) => {
            html! { <Questionnaire {application} {answers} /> }
        }
    }
}

#[derive(Properties, PartialEq)]
struct ViewProps {
    application: Application,
    answers: Questionnaires,
}

#[function_component(Questionnaire)]
fn questionnaire(props: &ViewProps) -> Html {
    let lang = use_lang();
    let session = use_session();
    let role = session.session().map(|s| s.user.role);
    let company = company_side(role);
    let pick = |q: &Questionnaires| {
        if company {
            (q.company.clone(), q.talent.clone())
        } else {
            (q.talent.clone(), q.company.clone())
        }
    };
    let answers = use_state(|| props.answers.clone());
    let (own, theirs) = pick(&answers);
    let form = use_state(|| {
        own.clone().unwrap_or(QuestionnaireInput {
            what_you_love: String::new(),
            what_drives_you: String::new(),
            what_demotivates_you: String::new(),
            hopes: String::new(),
        })
    });
    let errors = use_state(FormErrors::default);
    let problem = use_state(|| None::<ApiError>);
    let busy = use_state(|| false);
    let saved = use_state(|| false);
    let a = &props.application;

    let onsubmit = {
        let (form, errors, problem, busy, saved, answers, session) = (
            form.clone(),
            errors.clone(),
            problem.clone(),
            busy.clone(),
            saved.clone(),
            answers.clone(),
            session.clone(),
        );
        let id = a.id;
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if *busy {
                return;
            }
            let body = QuestionnaireInput {
                what_you_love: form.what_you_love.trim().to_owned(),
                what_drives_you: form.what_drives_you.trim().to_owned(),
                what_demotivates_you: form.what_demotivates_you.trim().to_owned(),
                hopes: form.hopes.trim().to_owned(),
            };
            if let Err(invalid) = body.validate() {
                let invalid = FormErrors::from_validation(invalid);
                let ids: Vec<(String, String)> = QUESTIONS
                    .iter()
                    .map(|(f, _, _)| ((*f).to_owned(), format!("qn-{f}")))
                    .collect();
                let order: Vec<(&str, &str)> =
                    ids.iter().map(|(f, i)| (f.as_str(), i.as_str())).collect();
                invalid.focus_first(&order);
                errors.set(invalid);
                return;
            }
            errors.set(FormErrors::default());
            problem.set(None);
            saved.set(false);
            busy.set(true);
            let (errors, problem, busy, saved, answers, session) = (
                errors.clone(),
                problem.clone(),
                busy.clone(),
                saved.clone(),
                answers.clone(),
                session.clone(),
            );
            spawn_local(async move {
                let result = session
                    .call(|c: ApiClient| {
                        let body = body.clone();
                        async move { c.save_questionnaire(id, &body).await }
                    })
                    .await;
                busy.set(false);
                match result {
                    Ok(both) => {
                        answers.set(both);
                        saved.set(true);
                    }
                    Err(error) => {
                        errors.set(FormErrors::from_api(&error));
                        problem.set(Some(error));
                    }
                }
            });
        })
    };

    let fields = QUESTIONS.iter().map(|(field, label, hint)| {
        let field = *field;
        let value = answer(&form, field).to_owned();
        let error = errors.get(field);
        let (form, errors) = (form.clone(), errors.clone());
        let on_input = Callback::from(move |v: String| {
            let mut next = (*form).clone();
            match field {
                "what_you_love" => next.what_you_love = v,
                "what_drives_you" => next.what_drives_you = v,
                "what_demotivates_you" => next.what_demotivates_you = v,
                _ => next.hopes = v,
            }
            form.set(next);
            crate::forms::clear_error(&errors, field);
        });
        html! {
            <TextArea id={format!("qn-{field}")} label={*label} hint={*hint}
                {value} {on_input} {error} rows={3} />
        }
    });

    html! {
        <article class="page narrow questionnaire-page">
            <p class="breadcrumb">{ back_link(lang, role, a) }</p>
            <h1>{ Msg::QnTitle.t(lang) }</h1>
            <p class="listing-meta">{ parties(a) }</p>
            <p class="lead">{ Msg::QnLead.t(lang) }</p>
            <section class="block">
                <h2>{ Msg::QnYours.t(lang) }</h2>
                if !a.status.is_open() {
                    // The API takes answers only while the application is open.
                    <p>{ Msg::QnClosed.t(lang) }</p>
                    { answers_view(lang, own.as_ref(), Msg::QnNoAnswers) }
                } else {
                <form class="form" {onsubmit} novalidate=true>
                    if let Some(error) = (*problem).clone() {
                        <ErrorAlert {error} kept_input=true />
                    }
                    { for fields }
                    <div class="actions tight">
                        <button type="submit" class="button primary" disabled={*busy}>{ Msg::QnSave.t(lang) }</button>
                    </div>
                    if *saved {
                        <p class="saved" role="status">{ Msg::QnSaved.t(lang) }</p>
                    }
                </form>
                }
            </section>
            <section class="block">
                <h2>{ Msg::QnTheirs.t(lang) }</h2>
                { theirs_view(lang, own.is_some(), theirs.as_ref()) }
            </section>
        </article>
    }
}

fn theirs_view(lang: Lang, answered: bool, theirs: Option<&QuestionnaireInput>) -> Html {
    if !answered {
        return html! { <p>{ Msg::QnTheirsHidden.t(lang) }</p> };
    }
    answers_view(lang, theirs, Msg::QnTheirsNone)
}

fn answers_view(lang: Lang, answers: Option<&QuestionnaireInput>, none: Msg) -> Html {
    match answers {
        Some(q) => html! {
            <dl class="contract-terms">
                { for QUESTIONS.iter().map(|(field, label, _)| html! {
                    <>
                        <dt>{ label.t(lang) }</dt>
                        <dd class="prewrap">{ answer(q, field).to_owned() }</dd>
                    </>
                }) }
            </dl>
        },
        None => html! { <p>{ none.t(lang) }</p> },
    }
}
