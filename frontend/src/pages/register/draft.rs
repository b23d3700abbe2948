//! What the person has typed into the registration form, kept whole across failures and
//! turned into the API's `RegisterRequest` on submit.

use kakehashi_shared::auth::{NewCompany, RegisterRequest};
use kakehashi_shared::enums::AccountType;

/// A field of the form: its path in the API's request and its element id.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    DisplayName,
    Email,
    Password,
    CompanyName,
    Industry,
    Prefecture,
    Municipality,
}

impl Field {
    /// In screen order, for moving focus to the first invalid field.
    pub const ALL: [Field; 7] = [
        Field::DisplayName,
        Field::Email,
        Field::Password,
        Field::CompanyName,
        Field::Industry,
        Field::Prefecture,
        Field::Municipality,
    ];

    /// The path the API and the shared validation use for this field.
    pub fn path(self) -> &'static str {
        match self {
            Field::DisplayName => "display_name",
            Field::Email => "email",
            Field::Password => "password",
            Field::CompanyName => "company.name",
            Field::Industry => "company.industry_code",
            Field::Prefecture => "company.prefecture_code",
            Field::Municipality => "company.municipality",
        }
    }

    pub fn id(self) -> &'static str {
        match self {
            Field::DisplayName => "register-display-name",
            Field::Email => "register-email",
            Field::Password => "register-password",
            Field::CompanyName => "register-company-name",
            Field::Industry => "register-industry",
            Field::Prefecture => "register-prefecture",
            Field::Municipality => "register-municipality",
        }
    }

    /// `(path, id)` pairs in screen order, as `FormErrors::focus_first` wants them.
    pub fn focus_order() -> Vec<(&'static str, &'static str)> {
        Field::ALL.iter().map(|f| (f.path(), f.id())).collect()
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Draft {
    pub account_type: AccountType,
    pub display_name: String,
    pub email: String,
    pub password: String,
    pub company_name: String,
    pub industry: String,
    pub prefecture: String,
    pub municipality: String,
}

impl Default for Draft {
    fn default() -> Self {
        Draft {
            account_type: AccountType::Talent,
            display_name: String::new(),
            email: String::new(),
            password: String::new(),
            company_name: String::new(),
            industry: String::new(),
            prefecture: String::new(),
            municipality: String::new(),
        }
    }
}

impl Draft {
    pub fn get(&self, field: Field) -> &str {
        match field {
            Field::DisplayName => &self.display_name,
            Field::Email => &self.email,
            Field::Password => &self.password,
            Field::CompanyName => &self.company_name,
            Field::Industry => &self.industry,
            Field::Prefecture => &self.prefecture,
            Field::Municipality => &self.municipality,
        }
    }

    pub fn with(&self, field: Field, value: String) -> Draft {
        let mut next = self.clone();
        let slot = match field {
            Field::DisplayName => &mut next.display_name,
            Field::Email => &mut next.email,
            Field::Password => &mut next.password,
            Field::CompanyName => &mut next.company_name,
            Field::Industry => &mut next.industry,
            Field::Prefecture => &mut next.prefecture,
            Field::Municipality => &mut next.municipality,
        };
        *slot = value;
        next
    }

    /// The request to send. Company fields typed before switching to talent are kept in
    /// the draft (the person may switch back) but not sent.
    pub fn to_request(&self) -> RegisterRequest {
        let company = (self.account_type == AccountType::Company).then(|| NewCompany {
            name: self.company_name.trim().to_owned(),
            industry_code: self.industry.clone(),
            prefecture_code: self.prefecture.clone(),
            municipality: self.municipality.trim().to_owned(),
        });
        RegisterRequest {
            account_type: self.account_type,
            email: self.email.trim().to_owned(),
            // Passwords are sent exactly as typed: spaces may be part of a passphrase.
            password: self.password.clone(),
            display_name: self.display_name.trim().to_owned(),
            company,
            // The partner whose link brought the person here (kept for 30 days).
            referral_code: crate::referral::stored(),
        }
    }
}
