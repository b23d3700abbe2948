//! Who may do what. Every authorization decision goes through this module so the rules can be
//! read (and tested) in one place; services load the facts (a record's company and prefecture,
//! the actor's hub prefectures) and ask here before touching data.
//!
//! Records the caller may not see answer 404, never 403, so ids cannot be probed. 403 is for
//! records the caller may see but not change in this way.

use kakehashi_shared::enums::{Role, Side};

use crate::error::ApiError;

/// The caller of a request, as proven by their access token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    pub user_id: i64,
    pub role: Role,
    /// Set for company members.
    pub company_id: Option<i64>,
    /// Set for coordinators.
    pub hub_id: Option<i64>,
    /// Set for partner staff.
    pub partner_id: Option<i64>,
}

impl Actor {
    pub fn is_admin(&self) -> bool {
        self.role == Role::Admin
    }
}

/// Requires one of `roles`; admins may do everything.
pub fn require_role(actor: &Actor, roles: &[Role]) -> Result<(), ApiError> {
    if actor.is_admin() || roles.contains(&actor.role) {
        Ok(())
    } else {
        Err(ApiError::Forbidden)
    }
}

/// A user's own account record is visible to that user and to admins only.
pub fn can_view_user(actor: &Actor, user_id: i64) -> Result<(), ApiError> {
    if actor.user_id == user_id || actor.is_admin() {
        Ok(())
    } else {
        Err(ApiError::NotFound)
    }
}

/// How the caller relates to a company.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CompanyAccess {
    /// A member of the company.
    Member,
    /// A coordinator of a hub covering the company's prefecture, acting for it.
    Coordinator,
    Admin,
}

impl CompanyAccess {
    /// Whether the audit log should record that the actor acted for the company.
    pub fn acts_for_company(self) -> bool {
        !matches!(self, CompanyAccess::Member)
    }
}

/// Company members manage their company; coordinators the companies in their hub's
/// prefectures; admins all. Everyone else gets 404.
pub fn company_access(
    actor: &Actor,
    company_id: i64,
    company_prefecture: &str,
    hub_prefectures: &[String],
) -> Result<CompanyAccess, ApiError> {
    match actor.role {
        Role::Admin => Ok(CompanyAccess::Admin),
        Role::CompanyMember if actor.company_id == Some(company_id) => Ok(CompanyAccess::Member),
        Role::Coordinator if hub_prefectures.iter().any(|p| p == company_prefecture) => {
            Ok(CompanyAccess::Coordinator)
        }
        _ => Err(ApiError::NotFound),
    }
}

/// Coordinators (of the prefecture) and admins only: visit logs, reviewing postings.
pub fn hub_staff(
    actor: &Actor,
    prefecture: &str,
    hub_prefectures: &[String],
) -> Result<(), ApiError> {
    match actor.role {
        Role::Admin => Ok(()),
        Role::Coordinator if hub_prefectures.iter().any(|p| p == prefecture) => Ok(()),
        _ => Err(ApiError::NotFound),
    }
}

/// How the caller takes part in an application (or the engagement that follows it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Party {
    Talent,
    Company(CompanyAccess),
}

impl Party {
    /// The side the caller speaks for: a coordinator acting for a company speaks for it.
    pub fn side(self) -> Side {
        match self {
            Party::Talent => Side::Talent,
            Party::Company(_) => Side::Company,
        }
    }

    pub fn is_staff(self) -> bool {
        matches!(
            self,
            Party::Company(CompanyAccess::Coordinator | CompanyAccess::Admin)
        )
    }
}

/// The talent of an application, the company's members, its hub's coordinators and admins.
pub fn application_party(
    actor: &Actor,
    talent_id: i64,
    company_id: i64,
    prefecture: &str,
    hub_prefectures: &[String],
) -> Result<Party, ApiError> {
    if actor.role == Role::Talent {
        return if actor.user_id == talent_id {
            Ok(Party::Talent)
        } else {
            Err(ApiError::NotFound)
        };
    }
    company_access(actor, company_id, prefecture, hub_prefectures).map(Party::Company)
}

/// Requires the company side of an application (members, or staff acting for the company).
pub fn company_side(party: Party) -> Result<CompanyAccess, ApiError> {
    match party {
        Party::Company(access) => Ok(access),
        Party::Talent => Err(ApiError::Forbidden),
    }
}

/// Requires the talent of an application.
pub fn talent_side(party: Party) -> Result<(), ApiError> {
    match party {
        Party::Talent => Ok(()),
        Party::Company(_) => Err(ApiError::Forbidden),
    }
}

// Partners.
/// A partner's own records (its organisation, its programmes) are visible to its staff and to
/// admins; everyone else gets 404, another partner's staff included.
pub fn partner_member(actor: &Actor, partner_id: i64) -> Result<(), ApiError> {
    match actor.role {
        Role::Admin => Ok(()),
        Role::Partner if actor.partner_id == Some(partner_id) => Ok(()),
        _ => Err(ApiError::NotFound),
    }
}

// API keys.
/// Whose API keys the caller manages: partner staff their own partner's (`Some(partner)`),
/// admins every key (`None`), since the operator must be able to revoke a leaked partner key.
/// Everyone else: 403 (keys are for organisations that integrate, not for people).
pub fn api_key_owner(actor: &Actor) -> Result<Option<i64>, ApiError> {
    match actor.role {
        Role::Admin => Ok(None),
        Role::Partner => actor.partner_id.map(Some).ok_or(ApiError::Forbidden),
        _ => Err(ApiError::Forbidden),
    }
}

/// A key belonging to another partner (or an admin's key, for partner staff) answers 404.
pub fn can_manage_api_key(actor: &Actor, key_partner_id: Option<i64>) -> Result<(), ApiError> {
    match api_key_owner(actor)? {
        None => Ok(()),
        Some(partner) if key_partner_id == Some(partner) => Ok(()),
        Some(_) => Err(ApiError::NotFound),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn actor(role: Role) -> Actor {
        Actor {
            user_id: 1,
            role,
            company_id: (role == Role::CompanyMember).then_some(10),
            hub_id: (role == Role::Coordinator).then_some(20),
            partner_id: (role == Role::Partner).then_some(30),
        }
    }

    #[test]
    fn admins_pass_every_role_check() {
        assert!(require_role(&actor(Role::Admin), &[Role::Coordinator]).is_ok());
        assert!(require_role(&actor(Role::Talent), &[Role::Coordinator]).is_err());
    }

    #[test]
    fn companies_are_visible_to_members_and_their_hub_only() {
        let hub = vec!["03".to_owned()];
        assert_eq!(
            company_access(&actor(Role::CompanyMember), 10, "03", &[]).ok(),
            Some(CompanyAccess::Member)
        );
        assert!(company_access(&actor(Role::CompanyMember), 11, "03", &[]).is_err());
        assert_eq!(
            company_access(&actor(Role::Coordinator), 11, "03", &hub).ok(),
            Some(CompanyAccess::Coordinator)
        );
        assert!(company_access(&actor(Role::Coordinator), 11, "31", &hub).is_err());
        assert!(company_access(&actor(Role::Partner), 10, "03", &hub).is_err());
        assert!(company_access(&actor(Role::Talent), 10, "03", &hub).is_err());
    }

    #[test]
    fn applications_belong_to_their_parties() {
        let hub = vec!["03".to_owned()];
        assert_eq!(
            application_party(&actor(Role::Talent), 1, 10, "03", &[]).ok(),
            Some(Party::Talent)
        );
        assert!(application_party(&actor(Role::Talent), 2, 10, "03", &[]).is_err());
        assert!(application_party(&actor(Role::CompanyMember), 2, 10, "03", &[]).is_ok());
        assert!(application_party(&actor(Role::CompanyMember), 2, 11, "03", &[]).is_err());
        assert!(application_party(&actor(Role::Coordinator), 2, 11, "03", &hub).is_ok());
        assert!(application_party(&actor(Role::Partner), 2, 11, "03", &hub).is_err());
    }

    #[test]
    fn accounts_are_private() {
        assert!(can_view_user(&actor(Role::Talent), 1).is_ok());
        assert!(can_view_user(&actor(Role::Talent), 2).is_err());
        assert!(can_view_user(&actor(Role::Admin), 2).is_ok());
    }
}
