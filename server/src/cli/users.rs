//! `lantern user add|list|disable|enable|password|sessions-end`: the accounts
//! that sign in to `/manage`, run from the terminal.

use super::{parse_role, problems};
use crate::accounts::NewAccount;
use crate::config::DataConfig;
use crate::publishing::accounts::{self, AccountAction};
use crate::publishing::{Actor, admin};
use crate::storage::Storage;
use app::record::{AgencySlug, Role};
use clap::Subcommand;

#[derive(Debug, Subcommand)]
pub enum UserCommand {
    /// Create an account. The password is asked for at a terminal, or read
    /// from the first line of standard input when that is not a terminal.
    Add {
        #[arg(long)]
        email: String,
        /// admin, editor, approver, auditor or moderator.
        #[arg(long, value_parser = parse_role)]
        role: Role,
        /// The agency's slug: required for editors and approvers, refused for other roles.
        #[arg(long)]
        agency: Option<String>,
        /// The name shown on what the account writes (an auditor's oversight
        /// body); the email when left out.
        #[arg(long)]
        name: Option<String>,
    },
    /// List every account: its role, agency, whether it is disabled, and its
    /// live sessions.
    List,
    /// Stop an account from signing in; its sessions end at once.
    Disable {
        #[arg(long)]
        email: String,
    },
    /// Let a disabled account sign in again with its password.
    Enable {
        #[arg(long)]
        email: String,
    },
    /// Set a new password (asked for, or read from standard input); every
    /// session of the account ends.
    Password {
        #[arg(long)]
        email: String,
    },
    /// End every session of an account: it must sign in again.
    SessionsEnd {
        #[arg(long)]
        email: String,
    },
}

/// Runs a `lantern user` command.
pub async fn run(data: &DataConfig, command: UserCommand) -> anyhow::Result<()> {
    let storage = data.open().await?;
    let act = |email: String, action| {
        let storage = storage.clone();
        async move {
            let id = account_id(&storage, &email).await?;
            let acted = accounts::act_on_account(&storage, &Actor::Terminal, id, action)
                .await
                .map_err(problems)?;
            anyhow::Ok(acted)
        }
    };
    match command {
        UserCommand::Add {
            email,
            role,
            agency,
            name,
        } => {
            let account = NewAccount {
                name: name.unwrap_or_else(|| email.clone()),
                email,
                role,
                agency: agency.map(AgencySlug),
            };
            let password = read_password()?;
            let created = admin::create_account(&storage, &Actor::Terminal, &account, &password)
                .await
                .map_err(problems)?;
            let agency = created
                .agency
                .map(|a| format!(", agency {a}"))
                .unwrap_or_default();
            println!(
                "Created account {}: {} ({}{agency}).",
                created.id,
                created.email,
                created.role.label().to_lowercase()
            );
        }
        UserCommand::List => list(&storage).await?,
        UserCommand::Disable { email } => {
            let acted = act(email, AccountAction::Disable).await?;
            println!(
                "Disabled {}: it cannot sign in; {} sessions ended.",
                acted.account.email, acted.sessions_ended
            );
        }
        UserCommand::Enable { email } => {
            let acted = act(email, AccountAction::Enable).await?;
            println!("Enabled {}: it can sign in again.", acted.account.email);
        }
        UserCommand::SessionsEnd { email } => {
            let acted = act(email, AccountAction::EndSessions).await?;
            println!(
                "Ended {} sessions of {}.",
                acted.sessions_ended, acted.account.email
            );
        }
        UserCommand::Password { email } => {
            let id = account_id(&storage, &email).await?;
            let password = read_password()?;
            let acted = accounts::set_password(&storage, &Actor::Terminal, id, &password)
                .await
                .map_err(problems)?;
            println!(
                "Set a new password for {}; {} sessions ended.",
                acted.account.email, acted.sessions_ended
            );
        }
    }
    Ok(())
}

/// `lantern user list`: one line per account.
async fn list(storage: &Storage) -> anyhow::Result<()> {
    let accounts = storage.accounts().await?;
    let sessions = storage.session_counts(&crate::clock::now()).await?;
    println!(
        "{:<40} {:<10} {:<20} {:<9} sessions",
        "email", "role", "agency", "state"
    );
    for account in &accounts {
        println!(
            "{:<40} {:<10} {:<20} {:<9} {}",
            account.email,
            account.role.as_str(),
            account.agency.as_ref().map_or("", |a| a.0.as_str()),
            if account.disabled_at.is_some() {
                "disabled"
            } else {
                "active"
            },
            sessions.get(&account.id).copied().unwrap_or(0)
        );
    }
    eprintln!("{} accounts.", accounts.len());
    Ok(())
}

/// The id of the account with `email`, or an error that says there is none.
async fn account_id(storage: &Storage, email: &str) -> anyhow::Result<i64> {
    match storage.account_by_email(email).await? {
        Some((account, _)) => Ok(account.id),
        None => anyhow::bail!("no account has the email {email}"),
    }
}

/// A password asked for twice at a terminal, or the first line of standard
/// input when that is not a terminal (so scripts can pipe it in).
fn read_password() -> anyhow::Result<String> {
    use std::io::IsTerminal;
    if std::io::stdin().is_terminal() {
        let password = rpassword::prompt_password("Password: ")?;
        if rpassword::prompt_password("Password again: ")? != password {
            anyhow::bail!("the two passwords differ; nothing was changed");
        }
        Ok(password)
    } else {
        let mut line = String::new();
        std::io::stdin().read_line(&mut line)?;
        Ok(line.trim_end_matches(['\r', '\n']).to_string())
    }
}
