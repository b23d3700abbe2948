//! `kakehashi`: serve the API and app, migrate, seed, print the OpenAPI document, and manage
//! hubs, partners and staff accounts from the command line.

use std::io::Write;
use std::process::ExitCode;

use actix_web::{web, HttpServer};
use clap::{Parser, Subcommand};
use kakehashi::auth::JwtKeys;
use kakehashi::clock::{Clock, SystemClock};
use kakehashi::config::Config;
use kakehashi::db::Db;
use kakehashi::error::ApiError;
use kakehashi::services::accounts::{self, NewStaff, StaffOrganisation};
use kakehashi::state::AppState;
use kakehashi::{build_app, seed};
use kakehashi_shared::enums::{PartnerKind, Role};
use kakehashi_shared::health::DatabaseKind;

#[derive(Parser)]
#[command(
    name = "kakehashi",
    version,
    about = "Kakehashi (架け橋): side-job matching for regional companies"
)]
struct Cli {
    /// sqlite://PATH or postgres://USER@HOST/DB
    #[arg(
        long,
        env = "DATABASE_URL",
        default_value = "sqlite://data/kakehashi.db",
        global = true
    )]
    database_url: String,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Migrate, load reference data, and serve the API and the app.
    Serve {
        #[arg(long, env = "KAKEHASHI_ADDR", default_value = "127.0.0.1:8080")]
        addr: String,
        /// HTTP worker threads (default: one per core).
        #[arg(long, env = "KAKEHASHI_WORKERS")]
        workers: Option<usize>,
    },
    /// Apply pending migrations and load the reference data.
    Migrate,
    /// Load reference data; with --demo also the Japanese demo data set; with --talents and
    /// --projects a reproducible synthetic data set at scale (for benchmarks).
    Seed {
        #[arg(long)]
        demo: bool,
        /// Synthetic talent profiles to generate.
        #[arg(long, default_value_t = 0)]
        talents: usize,
        /// Synthetic published postings to generate (about five per company).
        #[arg(long, default_value_t = 0)]
        projects: usize,
        /// Random seed: the same seed gives the same data.
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
    /// Print the OpenAPI document (or write it to --out).
    Openapi {
        #[arg(long)]
        out: Option<std::path::PathBuf>,
    },
    /// Hubs, partners and staff accounts.
    #[command(subcommand)]
    Admin(AdminCommand),
    /// Write a consistent copy of the whole database to --out while the server runs
    /// (SQLite: VACUUM INTO; PostgreSQL: pg_dump, custom format). Never overwrites a file.
    Backup {
        #[arg(long)]
        out: std::path::PathBuf,
    },
    /// Replace the database with a backup made by `backup`. Everything written since that
    /// backup is lost, so --yes is required. On SQLite, stop the server first.
    Restore {
        #[arg(long)]
        from: std::path::PathBuf,
        /// Confirms that the current data is to be replaced.
        #[arg(long)]
        yes: bool,
    },
}

#[derive(Subcommand)]
enum AdminCommand {
    /// Create a hub (拠点) covering one or more prefectures.
    CreateHub {
        #[arg(long)]
        name: String,
        /// JIS codes, comma-separated: 03,04
        #[arg(long, value_delimiter = ',', required = true)]
        prefectures: Vec<String>,
        #[arg(long, default_value_t = 14)]
        response_deadline_days: i32,
    },
    /// Create a regional partner organisation.
    CreatePartner {
        #[arg(long)]
        name: String,
        /// prefecture, municipality, bank, chamber or other
        #[arg(long)]
        kind: String,
        /// 3–40 letters, digits, - or _; generated when absent.
        #[arg(long)]
        referral_code: Option<String>,
        #[arg(long, value_delimiter = ',', required = true)]
        prefectures: Vec<String>,
        /// Sites allowed to embed the widget, comma-separated: https://a.example,http://localhost:8080
        #[arg(long, value_delimiter = ',')]
        origins: Vec<String>,
    },
    /// Create a coordinator (--hub), partner (--partner) or admin account. The password is
    /// read from KAKEHASHI_STAFF_PASSWORD, or generated and printed once.
    CreateStaff {
        /// coordinator, partner or admin
        #[arg(long)]
        role: String,
        #[arg(long)]
        email: String,
        #[arg(long)]
        name: String,
        #[arg(long, conflicts_with = "partner")]
        hub: Option<i64>,
        #[arg(long)]
        partner: Option<i64>,
    },
    /// List hubs and partners.
    List,
}

fn main() -> ExitCode {
    init_tracing();
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}

fn init_tracing() {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info,actix_server=warn"));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    if std::env::var("KAKEHASHI_LOG_FORMAT").as_deref() == Ok("json") {
        builder.json().init();
    } else {
        builder.init();
    }
}

fn run(cli: Cli) -> Result<(), String> {
    if let Command::Openapi { out } = &cli.command {
        let json = kakehashi::openapi::document_json().map_err(|e| e.to_string())?;
        return match out {
            Some(path) => {
                std::fs::write(path, json).map_err(|e| format!("{}: {e}", path.display()))
            }
            None => std::io::stdout()
                .write_all(json.as_bytes())
                .map_err(|e| e.to_string()),
        };
    }
    // Before migrating: a backup copies the database as it is, and a restore replaces it.
    match &cli.command {
        Command::Backup { out } => {
            let url = kakehashi::db::DatabaseUrl::parse(&cli.database_url)?;
            kakehashi::backup::backup(&url, out)?;
            println!("backup written to {}", out.display());
            return Ok(());
        }
        Command::Restore { from, yes } => {
            if !yes {
                return Err(format!(
                    "restoring replaces the current database with {} and loses everything \
                     written since that backup; run again with --yes to go ahead",
                    from.display()
                ));
            }
            let url = kakehashi::db::DatabaseUrl::parse(&cli.database_url)?;
            kakehashi::backup::restore(&url, from)?;
            // A backup from an older release is brought up to this one's schema.
            let config = Config::from_env(&cli.database_url)?;
            prepare(&Db::new(&config.database_url, config.pool_size)?)?;
            println!("restored from {}", from.display());
            return Ok(());
        }
        _ => {}
    }
    let config = Config::from_env(&cli.database_url)?;
    let db = Db::new(&config.database_url, config.pool_size)?;
    prepare(&db)?;
    match cli.command {
        Command::Serve { addr, workers } => serve(config, db, &addr, workers),
        Command::Migrate => Ok(()),
        Command::Seed {
            demo,
            talents,
            projects,
            seed: rng_seed,
        } => {
            let mut conn = db.get().map_err(api)?;
            if demo {
                let accounts = seed::demo::load(&mut conn, SystemClock.now()).map_err(api)?;
                println!("{accounts}");
            }
            if talents > 0 || projects > 0 {
                let started = std::time::Instant::now();
                let made = seed::scale::generate(
                    &mut conn,
                    talents,
                    projects,
                    rng_seed,
                    SystemClock.now(),
                )
                .map_err(api)?;
                println!(
                    "generated {} talents, {} companies and {} postings in {:.1} s (password: {})",
                    made.talents,
                    made.companies,
                    made.projects,
                    started.elapsed().as_secs_f64(),
                    seed::scale::SEED_PASSWORD
                );
            }
            Ok(())
        }
        Command::Admin(cmd) => admin(&db, cmd),
        Command::Openapi { .. } | Command::Backup { .. } | Command::Restore { .. } => Ok(()),
    }
}

/// Migrations and reference data, before anything else touches the database.
fn prepare(db: &Db) -> Result<(), String> {
    let applied = db.migrate()?;
    let mut conn = db.get().map_err(api)?;
    let loaded = load_reference(&mut conn)?;
    tracing::info!(
        applied,
        prefectures = loaded.prefectures,
        industries = loaded.industries,
        challenges = loaded.challenges,
        skills = loaded.skills,
        database = ?db.kind(),
        "database ready"
    );
    Ok(())
}

/// Loads the reference data. Instances starting together on one PostgreSQL database would
/// insert the same missing rows at once and all but one fail on the primary key; under the
/// lock the first inserts them and the others find them there.
fn load_reference(
    conn: &mut kakehashi::db::AnyConnection,
) -> Result<seed::reference::Loaded, String> {
    kakehashi::db::exclusively(
        conn,
        kakehashi::db::REFERENCE_LOCK,
        "reference data",
        |conn| seed::reference::load(conn).map_err(api),
    )
}

fn api(e: ApiError) -> String {
    match e {
        ApiError::Validation(errors) => errors
            .0
            .iter()
            .map(|e| format!("{}: {}", e.field, e.message))
            .collect::<Vec<_>>()
            .join("; "),
        other => other.to_string(),
    }
}

fn serve(config: Config, db: Db, addr: &str, workers: Option<usize>) -> Result<(), String> {
    if config.jwt_secret.is_none() && db.kind() == DatabaseKind::Postgres {
        tracing::warn!(
            "KAKEHASHI_JWT_SECRET is not set: this instance signs with a secret of its own, \
             so sessions will not work across several instances"
        );
    }
    let jwt = JwtKeys::load(config.jwt_secret.as_deref(), &config.data_dir)?;
    if config.static_dir.join("index.html").is_file() {
        // Beside the server rather than before it: brotli 11 over a new build takes seconds,
        // and until a copy is written its file is compressed on the fly at a faster level.
        let dir = config.static_dir.clone();
        std::thread::spawn(move || {
            let started = std::time::Instant::now();
            match kakehashi::static_files::precompressed::prepare(&dir) {
                Ok(0) => {}
                Ok(n) => {
                    tracing::info!(files = n, took = ?started.elapsed(), "app files compressed ahead")
                }
                Err(e) => {
                    tracing::warn!(error = %e, "could not write compressed copies of the app's files")
                }
            }
        });
    }
    let search = {
        let mut conn = db.get().map_err(api)?;
        std::sync::Arc::new(kakehashi::search::SearchEngine::build(&mut conn).map_err(api)?)
    };
    // Rate limits and client addresses.
    let rate_limits = kakehashi::rate_limit::RateLimiter::for_database(&db);
    let state = web::Data::new(AppState {
        db,
        jwt,
        clock: std::sync::Arc::new(SystemClock),
        config,
        search,
        rate_limits,
    });
    actix_web::rt::System::new().block_on(async move {
        actix_web::rt::spawn(kakehashi::state::follow_search_changes(
            state.db.clone(),
            state.search.clone(),
        ));
        actix_web::rt::spawn(run_deadlines(state.clone()));
        // Rate limits and client addresses.
        actix_web::rt::spawn(kakehashi::rate_limit::prune_periodically(state.clone()));
        // Webhooks.
        actix_web::rt::spawn(run_webhooks(state.clone()));
        if let Some(url) = state.config.smtp_url.clone() {
            let mailer =
                kakehashi::services::mail::Mailer::from_config(&url, &state.config.mail_from)?;
            actix_web::rt::spawn(run_mail(state.clone(), std::sync::Arc::new(mailer)));
        } else {
            tracing::info!(
                "no KAKEHASHI_SMTP_URL: email stays in the outbox (GET /api/v1/admin/outbox)"
            );
        }
        let mut server = HttpServer::new(move || build_app(state.clone()));
        if let Some(n) = workers {
            server = server.workers(n);
        }
        let server = server
            .bind(addr)
            .map_err(|e| format!("cannot listen on {addr}: {e}"))?;
        tracing::info!("serving on http://{addr}");
        server.run().await.map_err(|e| e.to_string())
    })
}

/// Applies the time-driven rules (windows closing, overdue applications) every minute.
async fn run_deadlines(state: web::Data<AppState>) {
    let mut tick = actix_web::rt::time::interval(std::time::Duration::from_secs(60));
    loop {
        tick.tick().await;
        let now = state.clock.now();
        match state
            .db
            .write(move |c| kakehashi::services::deadlines::run(c, now))
            .await
        {
            Ok(sweep) if sweep != Default::default() => tracing::info!(?sweep, "deadlines applied"),
            Ok(_) => {}
            Err(e) => tracing::warn!(error = %e, "deadline sweep failed; retrying in a minute"),
        }
        // Privacy (APPI): deleted accounts' messages are blanked after the retention period.
        match state
            .db
            .write(move |c| kakehashi::services::privacy::purge_expired(c, now))
            .await
        {
            Ok(0) => {}
            Ok(n) => tracing::info!(accounts = n, "deleted accounts' messages purged"),
            Err(e) => tracing::warn!(error = %e, "privacy purge failed; retrying in a minute"),
        }
    }
}

// Webhooks.
/// Sends due webhook deliveries every second. A pass that finds work runs again at once, so
/// a backlog drains without waiting a second per pass of 8.
async fn run_webhooks(state: web::Data<AppState>) {
    let sender = kakehashi::services::webhook_delivery::Sender {
        timeout: state.config.webhook_timeout,
        allow_private: state.config.webhook_allow_private,
    };
    if sender.allow_private {
        tracing::warn!(
            "KAKEHASHI_WEBHOOK_ALLOW_PRIVATE is set: webhooks may target http:// and private \
             addresses (development only)"
        );
    }
    let mut tick = actix_web::rt::time::interval(std::time::Duration::from_secs(1));
    let mut ticks: u64 = 0;
    loop {
        tick.tick().await;
        // Once an hour (and at start): drop deliveries older than the log keeps.
        if ticks % 3600 == 0 {
            match kakehashi::services::webhook_delivery::prune(&state.db, state.clock.now()).await {
                Ok(0) => {}
                Ok(n) => tracing::info!(deliveries = n, "old webhook deliveries removed"),
                Err(e) => tracing::warn!(error = %e, "webhook log pruning failed; next hour"),
            }
        }
        ticks = ticks.wrapping_add(1);
        loop {
            let now = state.clock.now();
            match kakehashi::services::webhook_delivery::deliver_due(&state.db, &sender, now).await
            {
                Ok(pass) if pass != Default::default() => {
                    if pass.delivered + pass.failed > 0 {
                        tracing::info!(
                            delivered = pass.delivered,
                            failed = pass.failed,
                            "webhooks sent"
                        );
                    }
                }
                Ok(_) => break,
                Err(e) => {
                    tracing::warn!(error = %e, "webhook delivery pass failed; retrying");
                    break;
                }
            }
        }
    }
}

/// Sends the email outbox every 30 seconds.
async fn run_mail(
    state: web::Data<AppState>,
    mailer: std::sync::Arc<kakehashi::services::mail::Mailer>,
) {
    let mut tick = actix_web::rt::time::interval(std::time::Duration::from_secs(30));
    loop {
        tick.tick().await;
        let (now, mailer) = (state.clock.now(), mailer.clone());
        // `run`, not `write`: delivery talks to the mail server between its statements, and
        // a write would hold SQLite's write lock (and every other writer) for that long. Each
        // statement commits by itself; the claim is one conditional update.
        match state
            .db
            .run(move |c| kakehashi::services::mail::deliver(c, &mailer, now))
            .await
        {
            Ok(0) => {}
            Ok(sent) => tracing::info!(sent, "email sent"),
            Err(e) => tracing::warn!(error = %e, "email delivery failed; retrying"),
        }
    }
}

fn admin(db: &Db, cmd: AdminCommand) -> Result<(), String> {
    let mut conn = db.get().map_err(api)?;
    let now = SystemClock.now();
    match cmd {
        AdminCommand::CreateHub {
            name,
            prefectures,
            response_deadline_days,
        } => {
            let hub =
                accounts::create_hub(&mut conn, &name, &prefectures, response_deadline_days, now)
                    .map_err(api)?;
            println!(
                "hub {} created: {} ({})",
                hub.id,
                hub.name,
                hub.prefecture_codes.join(",")
            );
        }
        AdminCommand::CreatePartner {
            name,
            kind,
            referral_code,
            prefectures,
            origins,
        } => {
            let kind = PartnerKind::parse(&kind)
                .ok_or("--kind must be prefecture, municipality, bank, chamber or other")?;
            let partner = accounts::create_partner(
                &mut conn,
                &name,
                kind,
                referral_code.as_deref(),
                &prefectures,
                &origins,
                now,
            )
            .map_err(api)?;
            let code = kakehashi::repositories::partners::find(&mut conn, partner.id)
                .map_err(|e| api(e.into()))?
                .map(|p| p.referral_code)
                .ok_or("the partner just created cannot be read back")?;
            println!(
                "partner {} created: {} (referral code {code})",
                partner.id, partner.name
            );
        }
        AdminCommand::CreateStaff {
            role,
            email,
            name,
            hub,
            partner,
        } => {
            let role = Role::parse(&role).ok_or("--role must be coordinator, partner or admin")?;
            let organisation = match (hub, partner) {
                (Some(id), _) => StaffOrganisation::Hub(id),
                (None, Some(id)) => StaffOrganisation::Partner(id),
                (None, None) => StaffOrganisation::None,
            };
            let (password, generated) = match std::env::var("KAKEHASHI_STAFF_PASSWORD") {
                Ok(p) if !p.is_empty() => (p, false),
                _ => (seed::demo::generate_password(), true),
            };
            let me = accounts::create_staff(
                &mut conn,
                &NewStaff {
                    email,
                    password: password.clone(),
                    display_name: name,
                    role,
                    organisation,
                },
                now,
            )
            .map_err(api)?;
            println!("{} account {} created: {}", me.role, me.id, me.email);
            if generated {
                println!("password (shown once): {password}");
            }
        }
        AdminCommand::List => {
            for hub in kakehashi::repositories::organisations::list_hubs(&mut conn)
                .map_err(|e| api(e.into()))?
            {
                println!(
                    "hub {}\t{}\t{}",
                    hub.id,
                    hub.name,
                    hub.prefecture_codes.join(",")
                );
            }
            for p in kakehashi::repositories::organisations::list_partners(&mut conn)
                .map_err(|e| api(e.into()))?
            {
                println!(
                    "partner {}\t{}\t{}\t{}",
                    p.id,
                    p.name,
                    p.kind,
                    p.prefecture_codes.join(",")
                );
            }
        }
    }
    Ok(())
}
