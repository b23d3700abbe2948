//! Partners as organisations: admins create, edit and list them; partner staff see and edit
//! their own (origins only) and maintain programmes for the prefectures they cover; the region
//! page lists those programmes. Another partner's records answer 404.

use kakehashi_shared::admin::StaffInput;
use kakehashi_shared::client::ClientError;
use kakehashi_shared::enums::{PartnerKind, Role};
use kakehashi_shared::partner::{
    OriginsInput, PartnerInput, PartnerPatch, ProgrammeInput, ProgrammePatch,
};

use crate::fixtures::{code, status, User};
use crate::on_both_backends;
use crate::util::{Backend, TestApp};

fn iwate_bank() -> PartnerInput {
    PartnerInput {
        name: "岩手銀行".into(),
        kind: PartnerKind::Bank,
        prefecture_codes: vec!["03".into(), "02".into()],
        origins: vec![
            "HTTPS://WWW.IwateBank.example/".into(),
            "http://localhost:8080".into(),
        ],
        referral_code: Some("iwate-bank".into()),
    }
}

fn miyagi_city() -> PartnerInput {
    PartnerInput {
        name: "仙台市".into(),
        kind: PartnerKind::Municipality,
        prefecture_codes: vec!["04".into()],
        origins: vec![],
        referral_code: None,
    }
}

fn subsidy(prefecture: &str) -> ProgrammeInput {
    ProgrammeInput {
        prefecture_code: prefecture.into(),
        title: "副業人材交通費補助".into(),
        amount: "上限30万円".into(),
        eligibility: "県内企業と契約した県外在住の副業人材".into(),
        url: "https://www.pref.iwate.example/fukugyo".into(),
    }
}

/// The fields and rule codes a 422 names, in order.
fn field_errors<T: std::fmt::Debug>(result: Result<T, ClientError>) -> Vec<(String, String)> {
    match result {
        Ok(v) => panic!("expected a validation problem, got {v:?}"),
        Err(e) => {
            let problem = e.problem().expect("a problem body");
            assert_eq!(problem.status, 422, "{problem:?}");
            assert_eq!(problem.code, "validation_failed");
            problem
                .errors
                .iter()
                .map(|f| (f.field.clone(), f.code.clone()))
                .collect()
        }
    }
}

fn pair(field: &str, code: &str) -> (String, String) {
    (field.to_owned(), code.to_owned())
}

/// A partner staff account opened by the admin over the API, signed in.
async fn partner_staff(app: &TestApp, admin: &User, email: &str, partner_id: i64) -> User {
    let created = admin
        .api
        .create_staff(&StaffInput {
            role: Role::Partner,
            email: email.into(),
            display_name: "佐藤 花".into(),
            hub_id: None,
            partner_id: Some(partner_id),
        })
        .await
        .unwrap();
    assert_eq!(created.account.role, Role::Partner);
    assert_eq!(
        created.account.partner.as_ref().map(|p| p.id),
        Some(partner_id)
    );
    app.login(email, &created.password).await
}

async fn admins_create_edit_and_list_partners(backend: Backend) {
    let app = TestApp::start(backend).await;
    let admin = app.admin().await;

    let bank = admin.api.create_partner(&iwate_bank()).await.unwrap();
    assert_eq!(bank.name, "岩手銀行");
    assert_eq!(bank.kind, PartnerKind::Bank);
    assert_eq!(bank.prefecture_codes, ["02", "03"]);
    // Stored as browsers send the Origin header: lower-case, no trailing slash.
    assert_eq!(
        bank.origins,
        ["http://localhost:8080", "https://www.iwatebank.example"]
    );
    assert_eq!(bank.referral_code, "iwate-bank");
    assert_eq!(bank.referral_link, "/?ref=iwate-bank");
    assert_eq!(
        (
            bank.referred_companies,
            bank.referred_talents,
            bank.staff_count
        ),
        (0, 0, 0)
    );

    // Without a referral code, one is generated, and it differs from the others.
    let city = admin.api.create_partner(&miyagi_city()).await.unwrap();
    assert!(
        city.referral_code.starts_with("p-"),
        "{}",
        city.referral_code
    );
    assert_eq!(city.referral_code.len(), 10);
    let other = admin
        .api
        .create_partner(&PartnerInput {
            name: "宮城県".into(),
            ..miyagi_city()
        })
        .await
        .unwrap();
    assert_ne!(other.referral_code, city.referral_code);

    // A code already in use is a field error, not a server error.
    assert_eq!(
        field_errors(
            admin
                .api
                .create_partner(&PartnerInput {
                    name: "別の銀行".into(),
                    ..iwate_bank()
                })
                .await
        ),
        [pair("referral_code", "duplicate")]
    );

    let edited = admin
        .api
        .update_partner(
            bank.id,
            &PartnerPatch {
                name: Some("株式会社岩手銀行".into()),
                prefecture_codes: Some(vec!["03".into()]),
                origins: Some(vec!["https://iwatebank.example:8443".into()]),
            },
        )
        .await
        .unwrap();
    assert_eq!(edited.name, "株式会社岩手銀行");
    assert_eq!(edited.prefecture_codes, ["03"]);
    assert_eq!(edited.origins, ["https://iwatebank.example:8443"]);
    assert_eq!(edited.referral_code, "iwate-bank", "the code never changes");
    // An empty patch changes nothing.
    let same = admin
        .api
        .update_partner(bank.id, &PartnerPatch::default())
        .await
        .unwrap();
    assert_eq!(same.name, edited.name);
    assert_eq!(
        status(
            admin
                .api
                .update_partner(other.id + 100, &PartnerPatch::default())
                .await
        ),
        404
    );

    // The list shows prefectures, origins, codes and counts, oldest first.
    staff_and_referrals(&app, bank.id).await;
    let _staff = partner_staff(&app, &admin, "sato@iwatebank.example", bank.id).await;
    let list = admin.api.admin_partners().await.unwrap();
    let names: Vec<&str> = list.items.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["株式会社岩手銀行", "仙台市", "宮城県"]);
    let first = &list.items[0];
    assert_eq!(first.origins, ["https://iwatebank.example:8443"]);
    assert_eq!(
        (
            first.referred_companies,
            first.referred_talents,
            first.staff_count
        ),
        (1, 2, 1)
    );
    app.stop().await;
}

/// Marks one company and two talent as referred by the partner (the widget's and the referral
/// link's attribution is tested with them; here only the counting is).
async fn staff_and_referrals(app: &TestApp, partner_id: i64) {
    app.register_company("owner@iwate-seika.example", "03")
        .await;
    app.register_talent("a@example.jp").await;
    app.register_talent("b@example.jp").await;
    app.register_talent("c@example.jp").await;
    app.db
        .run(move |c| {
            use diesel::prelude::*;
            use kakehashi::db::schema::{companies, users};
            diesel::update(companies::table)
                .set(companies::referred_by_partner_id.eq(partner_id))
                .execute(c)?;
            diesel::update(
                users::table.filter(users::email.eq_any(["a@example.jp", "b@example.jp"])),
            )
            .set(users::referred_by_partner_id.eq(partner_id))
            .execute(c)?;
            Ok(())
        })
        .await
        .unwrap();
}

async fn bad_partners_are_refused_field_by_field(backend: Backend) {
    let app = TestApp::start(backend).await;
    let admin = app.admin().await;

    assert_eq!(
        field_errors(
            admin
                .api
                .create_partner(&PartnerInput {
                    name: " ".into(),
                    kind: PartnerKind::Chamber,
                    prefecture_codes: vec!["48".into()],
                    origins: vec![
                        "https://ok.example".into(),
                        "https://www.example.jp/widget".into(),
                    ],
                    referral_code: Some("a b".into()),
                })
                .await
        ),
        [
            pair("name", "required"),
            pair("prefecture_codes", "unknown_value"),
            pair("origins[1]", "invalid_format"),
            pair("referral_code", "invalid_format"),
        ]
    );
    for bad in [
        "www.example.jp",
        "ftp://example.jp",
        "https://example.jp?x=1",
        "https://example.jp:99999",
        "javascript:alert(1)",
    ] {
        assert_eq!(
            field_errors(
                admin
                    .api
                    .create_partner(&PartnerInput {
                        origins: vec![bad.into()],
                        ..miyagi_city()
                    })
                    .await
            ),
            [pair("origins[0]", "invalid_format")],
            "{bad}"
        );
    }
    assert_eq!(
        field_errors(
            admin
                .api
                .create_partner(&PartnerInput {
                    prefecture_codes: vec![],
                    ..miyagi_city()
                })
                .await
        ),
        [pair("prefecture_codes", "required")]
    );
    let city = admin.api.create_partner(&miyagi_city()).await.unwrap();
    assert_eq!(
        field_errors(
            admin
                .api
                .update_partner(
                    city.id,
                    &PartnerPatch {
                        name: Some(String::new()),
                        prefecture_codes: Some(vec!["00".into()]),
                        origins: Some(vec!["https://a.example/b".into()]),
                    },
                )
                .await
        ),
        [
            pair("name", "required"),
            pair("prefecture_codes", "unknown_value"),
            pair("origins[0]", "invalid_format"),
        ]
    );
    // An unknown kind and a field that may not be set (the referral code) are refused.
    let response = app
        .http
        .post(app.url("/api/v1/admin/partners"))
        .bearer_auth(&admin.session.access_token)
        .json(&serde_json::json!({
            "name": "x", "kind": "bank_branch", "prefecture_codes": ["03"]
        }))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 422);
    let response = app
        .http
        .patch(app.url(&format!("/api/v1/admin/partners/{}", city.id)))
        .bearer_auth(&admin.session.access_token)
        .json(&serde_json::json!({ "referral_code": "stolen" }))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 422);
    assert_eq!(
        admin.api.partner(city.id).await.unwrap().referral_code,
        city.referral_code
    );
    app.stop().await;
}

async fn partner_staff_see_their_own_partner_only(backend: Backend) {
    let app = TestApp::start(backend).await;
    let admin = app.admin().await;
    let bank = admin.api.create_partner(&iwate_bank()).await.unwrap();
    let city = admin.api.create_partner(&miyagi_city()).await.unwrap();
    let sato = partner_staff(&app, &admin, "sato@iwatebank.example", bank.id).await;

    let own = sato.api.partner(bank.id).await.unwrap();
    assert_eq!(own.name, "岩手銀行");
    assert_eq!(own.referral_link, "/?ref=iwate-bank");

    // Another partner's record, its origins and its programmes are 404, like a missing one.
    assert_eq!(code(sato.api.partner(city.id).await), "not_found");
    assert_eq!(
        status(
            sato.api
                .update_partner_origins(
                    city.id,
                    &OriginsInput {
                        origins: vec!["https://evil.example".into()]
                    }
                )
                .await
        ),
        404
    );
    assert_eq!(status(sato.api.partner_programmes(city.id).await), 404);
    assert_eq!(status(sato.api.partner(city.id + 100).await), 404);
    // Talent, companies and coordinators have no partner.
    let talent = app.talent("hanako@example.jp").await;
    let coordinator = app.coordinator("kimura@hub.example.jp", &["03"]).await;
    for user in [&talent, &coordinator] {
        assert_eq!(status(user.api.partner(bank.id).await), 404);
        assert_eq!(status(user.api.create_partner(&miyagi_city()).await), 403);
        assert_eq!(status(user.api.admin_partners().await), 403);
    }
    assert_eq!(status(app.client().partner(bank.id).await), 401);
    // Partner staff do not manage partners.
    assert_eq!(status(sato.api.create_partner(&miyagi_city()).await), 403);
    assert_eq!(
        status(
            sato.api
                .update_partner(bank.id, &PartnerPatch::default())
                .await
        ),
        403
    );

    // They change their own origins (normalised, duplicates folded), and nothing else.
    let changed = sato
        .api
        .update_partner_origins(
            bank.id,
            &OriginsInput {
                origins: vec![
                    "https://shop.iwatebank.example".into(),
                    "HTTPS://shop.iwatebank.example:443".into(),
                ],
            },
        )
        .await
        .unwrap();
    assert_eq!(changed.origins, ["https://shop.iwatebank.example"]);
    assert_eq!(changed.prefecture_codes, ["02", "03"]);
    assert_eq!(
        field_errors(
            sato.api
                .update_partner_origins(
                    bank.id,
                    &OriginsInput {
                        origins: vec!["https://shop.iwatebank.example/embed".into()]
                    }
                )
                .await
        ),
        [pair("origins[0]", "invalid_format")]
    );
    let response = app
        .http
        .patch(app.url(&format!("/api/v1/partners/{}", bank.id)))
        .bearer_auth(&sato.session.access_token)
        .json(&serde_json::json!({ "origins": [], "name": "乗っ取り" }))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 422);
    assert_eq!(admin.api.partner(bank.id).await.unwrap().name, "岩手銀行");
    // Emptying the list is allowed: the widget then works nowhere.
    let emptied = sato
        .api
        .update_partner_origins(bank.id, &OriginsInput { origins: vec![] })
        .await
        .unwrap();
    assert!(emptied.origins.is_empty());
    app.stop().await;
}

async fn programmes_are_scoped_to_the_partner_and_its_prefectures(backend: Backend) {
    let app = TestApp::start(backend).await;
    let admin = app.admin().await;
    let bank = admin.api.create_partner(&iwate_bank()).await.unwrap();
    let city = admin.api.create_partner(&miyagi_city()).await.unwrap();
    let sato = partner_staff(&app, &admin, "sato@iwatebank.example", bank.id).await;
    let suzuki = partner_staff(&app, &admin, "suzuki@city.sendai.example", city.id).await;

    assert!(sato
        .api
        .partner_programmes(bank.id)
        .await
        .unwrap()
        .items
        .is_empty());
    let created = sato
        .api
        .create_programme(bank.id, &subsidy("03"))
        .await
        .unwrap();
    assert_eq!(
        (
            created.partner_id,
            created.prefecture_code.as_str(),
            created.amount.as_str()
        ),
        (bank.id, "03", "上限30万円")
    );
    let aomori = sato
        .api
        .create_programme(
            bank.id,
            &ProgrammeInput {
                title: "青森お試し移住".into(),
                ..subsidy("02")
            },
        )
        .await
        .unwrap();

    // A prefecture the partner does not cover is refused (422, documented), for admins too.
    assert_eq!(
        field_errors(sato.api.create_programme(bank.id, &subsidy("04")).await),
        [pair("prefecture_code", "not_allowed")]
    );
    assert_eq!(
        field_errors(admin.api.create_programme(bank.id, &subsidy("13")).await),
        [pair("prefecture_code", "not_allowed")]
    );
    assert_eq!(
        field_errors(
            sato.api
                .update_programme(
                    created.id,
                    &ProgrammePatch {
                        prefecture_code: Some("04".into()),
                        ..ProgrammePatch::default()
                    }
                )
                .await
        ),
        [pair("prefecture_code", "not_allowed")]
    );
    // Bad fields, each named.
    assert_eq!(
        field_errors(
            sato.api
                .create_programme(
                    bank.id,
                    &ProgrammeInput {
                        prefecture_code: "99".into(),
                        title: "".into(),
                        amount: "x".repeat(101),
                        eligibility: " ".into(),
                        url: "javascript:alert(1)".into(),
                    }
                )
                .await
        ),
        [
            pair("prefecture_code", "unknown_value"),
            pair("title", "required"),
            pair("amount", "too_long"),
            pair("eligibility", "required"),
            pair("url", "invalid_format"),
        ]
    );

    // Another partner's staff cannot see, change or delete them: 404.
    assert_eq!(status(suzuki.api.partner_programmes(bank.id).await), 404);
    assert_eq!(
        status(suzuki.api.create_programme(bank.id, &subsidy("03")).await),
        404
    );
    assert_eq!(
        status(
            suzuki
                .api
                .update_programme(created.id, &ProgrammePatch::default())
                .await
        ),
        404
    );
    assert_eq!(status(suzuki.api.delete_programme(created.id).await), 404);
    let talent = app.talent("hanako@example.jp").await;
    assert_eq!(status(talent.api.delete_programme(created.id).await), 404);

    // Editing keeps what was not sent.
    let edited = sato
        .api
        .update_programme(
            created.id,
            &ProgrammePatch {
                amount: Some("交通費の半額（上限20万円）".into()),
                ..ProgrammePatch::default()
            },
        )
        .await
        .unwrap();
    assert_eq!(edited.amount, "交通費の半額（上限20万円）");
    assert_eq!(edited.title, "副業人材交通費補助");
    // Admins manage any partner's programmes.
    let by_admin = admin
        .api
        .update_programme(
            aomori.id,
            &ProgrammePatch {
                url: Some("http://www.pref.aomori.example/otameshi".into()),
                ..ProgrammePatch::default()
            },
        )
        .await
        .unwrap();
    assert_eq!(by_admin.url, "http://www.pref.aomori.example/otameshi");

    let listed = sato.api.partner_programmes(bank.id).await.unwrap();
    assert_eq!(
        listed.items.iter().map(|p| p.id).collect::<Vec<_>>(),
        [created.id, aomori.id]
    );
    sato.api.delete_programme(aomori.id).await.unwrap();
    assert_eq!(status(sato.api.delete_programme(aomori.id).await), 404);
    let listed = sato.api.partner_programmes(bank.id).await.unwrap();
    assert_eq!(
        listed.items.iter().map(|p| p.id).collect::<Vec<_>>(),
        [created.id]
    );
    app.stop().await;
}

async fn the_region_page_lists_the_programmes_of_its_prefecture(backend: Backend) {
    let app = TestApp::start(backend).await;
    let admin = app.admin().await;
    let bank = admin.api.create_partner(&iwate_bank()).await.unwrap();
    let city = admin.api.create_partner(&miyagi_city()).await.unwrap();
    let iwate = admin
        .api
        .create_programme(bank.id, &subsidy("03"))
        .await
        .unwrap();
    admin
        .api
        .create_programme(
            bank.id,
            &ProgrammeInput {
                title: "青森お試し移住".into(),
                ..subsidy("02")
            },
        )
        .await
        .unwrap();
    admin
        .api
        .create_programme(
            city.id,
            &ProgrammeInput {
                title: "仙台副業人材応援".into(),
                ..subsidy("04")
            },
        )
        .await
        .unwrap();

    let region = app.client().region("03").await.unwrap();
    assert_eq!(region.programmes.len(), 1);
    let listed = &region.programmes[0];
    assert_eq!(listed.id, iwate.id);
    assert_eq!(listed.title, "副業人材交通費補助");
    assert_eq!(listed.amount, "上限30万円");
    assert_eq!(listed.eligibility, "県内企業と契約した県外在住の副業人材");
    assert_eq!(listed.url, "https://www.pref.iwate.example/fukugyo");
    assert_eq!(listed.provider, "岩手銀行");
    let miyagi = app.client().region("04").await.unwrap();
    assert_eq!(
        miyagi
            .programmes
            .iter()
            .map(|p| (p.title.as_str(), p.provider.as_str()))
            .collect::<Vec<_>>(),
        [("仙台副業人材応援", "仙台市")]
    );
    // The partner's new name shows at once; a partner that stops covering a prefecture no
    // longer speaks for it there.
    admin
        .api
        .update_partner(
            bank.id,
            &PartnerPatch {
                name: Some("いわぎん".into()),
                prefecture_codes: Some(vec!["02".into()]),
                origins: None,
            },
        )
        .await
        .unwrap();
    assert!(app
        .client()
        .region("03")
        .await
        .unwrap()
        .programmes
        .is_empty());
    let aomori = app.client().region("02").await.unwrap();
    assert_eq!(aomori.programmes.len(), 1);
    assert_eq!(aomori.programmes[0].provider, "いわぎん");
    // Deleting removes it from the page.
    admin
        .api
        .delete_programme(aomori.programmes[0].id)
        .await
        .unwrap();
    assert!(app
        .client()
        .region("02")
        .await
        .unwrap()
        .programmes
        .is_empty());
    app.stop().await;
}

/// The command line's `create-partner --origins` goes through the same function as the API:
/// origins normalised, a bad one named, a taken code refused, a missing one generated.
async fn the_command_lines_partners_follow_the_same_rules(backend: Backend) {
    let app = TestApp::start(backend).await;
    let now = app.now();
    let created = app
        .db
        .run(move |c| {
            kakehashi::services::accounts::create_partner(
                c,
                "岩手県",
                PartnerKind::Prefecture,
                Some("iwate-pref"),
                &["03".into()],
                &[
                    "HTTP://127.0.0.1:18181/".into(),
                    "http://127.0.0.1:18181".into(),
                ],
                now,
            )
        })
        .await
        .unwrap();
    let admin = app.admin().await;
    let partner = admin.api.partner(created.id).await.unwrap();
    assert_eq!(partner.origins, ["http://127.0.0.1:18181"]);
    let refused = app
        .db
        .run(move |c| {
            kakehashi::services::accounts::create_partner(
                c,
                "別の県",
                PartnerKind::Prefecture,
                Some("iwate-pref"),
                &["03".into()],
                &[
                    "https://ok.example".into(),
                    "https://x.example/widget".into(),
                ],
                now,
            )
        })
        .await
        .unwrap_err();
    let kakehashi::error::ApiError::Validation(errors) = refused else {
        panic!("expected field errors, got {refused:?}");
    };
    assert_eq!(
        errors
            .0
            .iter()
            .map(|e| (e.field.as_str(), e.code.as_str()))
            .collect::<Vec<_>>(),
        [("origins[1]", "invalid_format")]
    );
    let taken = app
        .db
        .run(move |c| {
            kakehashi::services::accounts::create_partner(
                c,
                "別の県",
                PartnerKind::Prefecture,
                Some("iwate-pref"),
                &["03".into()],
                &[],
                now,
            )
        })
        .await
        .unwrap_err();
    assert!(
        matches!(&taken, kakehashi::error::ApiError::Validation(e) if e.0[0].field == "referral_code" && e.0[0].code == "duplicate"),
        "{taken:?}"
    );
    app.stop().await;
}

on_both_backends!(
    admins_create_edit_and_list_partners,
    the_command_lines_partners_follow_the_same_rules,
    bad_partners_are_refused_field_by_field,
    partner_staff_see_their_own_partner_only,
    programmes_are_scoped_to_the_partner_and_its_prefectures,
    the_region_page_lists_the_programmes_of_its_prefecture,
);
