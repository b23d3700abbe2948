//! The partner's own screens (partner bundle): `/partner`, the home with the organisation, the
//! referral link, the widget's tag, the allowed sites and the programmes editor.

mod home;
mod programmes;
// Integrations: API keys and webhooks.
mod integrations;
mod webhooks;

pub use home::PartnerHomePage;
// Integrations.
pub use integrations::IntegrationsPage;
