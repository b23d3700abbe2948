//! Sends the email outbox over SMTP when one is configured. Runs in the background, never in a
//! request; several instances may run it at once (each email is claimed before sending).

use chrono::{DateTime, Utc};
use lettre::message::header::ContentType;
use lettre::{Message, SmtpTransport, Transport};

use crate::db::AnyConnection;
use crate::error::ApiError;
use crate::repositories::{notifications as repo, to_db_time};

/// An email that failed this often stays in the outbox for an admin to look at.
pub const MAX_ATTEMPTS: i32 = 8;

pub struct Mailer {
    transport: SmtpTransport,
    from: lettre::message::Mailbox,
}

impl Mailer {
    pub fn from_config(url: &str, from: &str) -> Result<Self, String> {
        let transport = SmtpTransport::from_url(url)
            .map_err(|e| format!("KAKEHASHI_SMTP_URL: {e}"))?
            .build();
        let from = from
            .parse()
            .map_err(|e| format!("KAKEHASHI_MAIL_FROM: {e}"))?;
        Ok(Self { transport, from })
    }

    fn send(&self, to: &str, subject: &str, body: &str) -> Result<(), String> {
        let message = Message::builder()
            .from(self.from.clone())
            .to(to.parse().map_err(|e| format!("bad recipient: {e}"))?)
            .subject(subject)
            .header(ContentType::TEXT_PLAIN)
            .body(body.to_owned())
            .map_err(|e| e.to_string())?;
        self.transport
            .send(&message)
            .map(|_| ())
            .map_err(|e| e.to_string())
    }
}

/// Sends up to 50 waiting emails; returns how many went out.
pub fn deliver(
    conn: &mut AnyConnection,
    mailer: &Mailer,
    now: DateTime<Utc>,
) -> Result<usize, ApiError> {
    let mut sent = 0;
    for email in repo::unsent_emails(conn, MAX_ATTEMPTS, 50)? {
        if !repo::claim_email(conn, email.id, email.attempts)? {
            continue;
        }
        match mailer.send(&email.to_email, &email.subject, &email.body) {
            Ok(()) => {
                repo::email_sent(conn, email.id, to_db_time(now))?;
                sent += 1;
            }
            Err(e) => {
                tracing::warn!(email = email.id, error = %e, "email not sent; will retry");
                repo::email_failed(conn, email.id, &e)?;
            }
        }
    }
    Ok(sent)
}
