//! The company part of the registration form, shown when 企業 is chosen. Its industry and
//! prefecture choices come from the API and show their own loading and error states.

use yew::prelude::*;

use super::draft::{Draft, Field};
use crate::components::{SelectField, SelectGroup, TextField};
use crate::forms::FormErrors;
use crate::hooks::use_remote;
use crate::i18n::{use_lang, Msg};
use crate::reference::{industries, prefecture_groups, prefectures};

#[derive(Properties, PartialEq)]
pub struct CompanyFieldsProps {
    pub draft: Draft,
    pub errors: FormErrors,
    pub on_change: Callback<(Field, String)>,
}

#[function_component(CompanyFields)]
pub fn company_fields(props: &CompanyFieldsProps) -> Html {
    let lang = use_lang();
    let (industry_list, retry_industries) = use_remote(industries);
    let (prefecture_list, retry_prefectures) = use_remote(prefectures);

    let industry_options = industry_list.map(|list| {
        let options = list
            .iter()
            .map(|i| (i.code.clone(), lang.pick(&i.name_ja, &i.name_en).to_owned()))
            .collect();
        vec![(None, options)] as Vec<SelectGroup>
    });
    let prefecture_options = prefecture_list.map(|list| {
        prefecture_groups(list, lang)
            .into_iter()
            .map(|(region, options)| (Some(region), options))
            .collect::<Vec<SelectGroup>>()
    });

    let on = |field: Field| {
        let on_change = props.on_change.clone();
        Callback::from(move |value: String| on_change.emit((field, value)))
    };
    let value = |field: Field| AttrValue::from(props.draft.get(field).to_owned());
    let error = |field: Field| props.errors.get(field.path());

    html! {
        <fieldset class="group">
            <legend>{ Msg::CompanyLegend.t(lang) }</legend>
            <TextField id={Field::CompanyName.id()} label={Msg::FieldCompanyName} hint={Msg::HintCompanyName}
                autocomplete="organization" value={value(Field::CompanyName)}
                on_input={on(Field::CompanyName)} error={error(Field::CompanyName)} />
            <SelectField id={Field::Industry.id()} label={Msg::FieldIndustry} hint={Msg::HintIndustry}
                value={value(Field::Industry)} on_change={on(Field::Industry)}
                options={industry_options} on_retry={retry_industries}
                error={error(Field::Industry)} />
            <SelectField id={Field::Prefecture.id()} label={Msg::FieldPrefecture} hint={Msg::HintPrefecture}
                value={value(Field::Prefecture)} on_change={on(Field::Prefecture)}
                options={prefecture_options} on_retry={retry_prefectures}
                error={error(Field::Prefecture)} />
            <TextField id={Field::Municipality.id()} label={Msg::FieldMunicipality} hint={Msg::HintMunicipality}
                autocomplete="address-level2" value={value(Field::Municipality)}
                on_input={on(Field::Municipality)} error={error(Field::Municipality)} />
        </fieldset>
    }
}
