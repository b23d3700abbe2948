//! Who may do what. Every authorization decision goes through this module so the rules can be
//! read (and tested) in one place; services call it before touching data.

use kakehashi_shared::enums::Role;

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

/// A user's own account record is visible to that user and to admins only; to anyone else it
/// does not exist (404, so ids cannot be probed).
pub fn can_view_user(actor: &Actor, user_id: i64) -> Result<(), ApiError> {
    if actor.user_id == user_id || actor.is_admin() {
        Ok(())
    } else {
        Err(ApiError::NotFound)
    }
}

/// A company's records are its members', its hub coordinators' (by prefecture) and admins'.
/// `hub_prefectures` are the prefectures of the actor's hub, loaded by the caller.
pub fn can_manage_company(
    actor: &Actor,
    company_id: i64,
    company_prefecture: &str,
    hub_prefectures: &[String],
) -> Result<(), ApiError> {
    let allowed = match actor.role {
        Role::Admin => true,
        Role::CompanyMember => actor.company_id == Some(company_id),
        Role::Coordinator => hub_prefectures.iter().any(|p| p == company_prefecture),
        Role::Talent | Role::Partner => false,
    };
    if allowed {
        Ok(())
    } else {
        Err(ApiError::NotFound)
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
        assert!(can_manage_company(&actor(Role::CompanyMember), 10, "03", &[]).is_ok());
        assert!(can_manage_company(&actor(Role::CompanyMember), 11, "03", &[]).is_err());
        assert!(can_manage_company(&actor(Role::Coordinator), 11, "03", &hub).is_ok());
        assert!(can_manage_company(&actor(Role::Coordinator), 11, "31", &hub).is_err());
        assert!(can_manage_company(&actor(Role::Partner), 10, "03", &hub).is_err());
        assert!(can_manage_company(&actor(Role::Talent), 10, "03", &hub).is_err());
    }

    #[test]
    fn accounts_are_private() {
        assert!(can_view_user(&actor(Role::Talent), 1).is_ok());
        assert!(can_view_user(&actor(Role::Talent), 2).is_err());
        assert!(can_view_user(&actor(Role::Admin), 2).is_ok());
    }
}
