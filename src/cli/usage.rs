//! The command line in French: help headings and flags, and usage errors
//! rendered here rather than by clap, whose messages are English and echo
//! the user's arguments raw (an `ESC ] 0 ;` in an argument would retitle the
//! terminal). Every user-supplied string goes through `escape_for_terminal`.

use std::ffi::OsString;
use std::process::ExitCode;

use clap::builder::StyledStr;
use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, ArgAction, Command, CommandFactory, FromArgMatches};

use rncp_explorer::model::escape_for_terminal;

use super::Cli;

/// Exit status of a usage error (clap's, and the Unix habit).
const EXIT_USAGE: u8 = 2;

const TEMPLATE: &str = "\
{before-help}{about-with-newline}
Utilisation : {usage}

{all-args}{after-help}";

/// The command-line definition with French headings, flags and value lists.
pub fn command() -> Command {
    french(Cli::command(), true)
        .disable_version_flag(true)
        .arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help("Afficher la version"),
        )
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .global(true)
                .action(ArgAction::Help)
                .help("Afficher l'aide (--help : en détail)"),
        )
}

fn french(cmd: Command, root: bool) -> Command {
    let cmd = cmd
        .help_template(TEMPLATE)
        .subcommand_help_heading("Commandes")
        .subcommand_value_name("COMMANDE")
        .disable_help_flag(true)
        .disable_help_subcommand(true)
        .mut_args(french_arg)
        .mut_subcommands(|sub| french(sub, false));
    if root {
        cmd
    } else {
        cmd.disable_version_flag(true)
    }
}

/// Clap appends "[default: …]" and "[possible values: …]": say it in French.
fn french_arg(arg: Arg) -> Arg {
    // Value names derived from field names would be English.
    let arg = match arg.get_id().as_str() {
        "query" => arg.value_name("REQUÊTE"),
        "kind" => arg.value_name("TYPE"),
        "a" => arg.value_name("PARCOURS_A"),
        "b" => arg.value_name("PARCOURS_B"),
        _ => arg,
    };
    if !arg.get_action().takes_values() {
        return arg;
    }
    let values: Vec<String> = arg
        .get_possible_values()
        .iter()
        .filter(|v| !v.is_hide_set())
        .map(|v| v.get_name().to_string())
        .collect();
    let defaults: Vec<String> = arg
        .get_default_values()
        .iter()
        .map(|v| v.to_string_lossy().into_owned())
        .collect();
    let mut extra = String::new();
    if !values.is_empty() {
        extra.push_str(&format!(" [valeurs : {}]", values.join(", ")));
    }
    if !defaults.is_empty() {
        extra.push_str(&format!(" [par défaut : {}]", defaults.join(", ")));
    }
    if extra.is_empty() {
        return arg;
    }
    let help = arg.get_help().map(ToString::to_string).unwrap_or_default();
    let long = arg.get_long_help().map(ToString::to_string);
    let arg = arg
        .hide_possible_values(true)
        .hide_default_value(true)
        .help(format!("{help}{extra}"));
    match long {
        Some(long) => arg.long_help(format!("{long}{extra}")),
        None => arg,
    }
}

/// Parses the process arguments; on `--help`/`--version` prints to stdout
/// (status 0), on a usage error explains on stderr (status 2).
pub fn parse() -> Result<Cli, ExitCode> {
    parse_from(std::env::args_os())
}

pub fn parse_from(args: impl IntoIterator<Item = impl Into<OsString>>) -> Result<Cli, ExitCode> {
    let args: Vec<OsString> = args.into_iter().map(Into::into).collect();
    let error = match command().try_get_matches_from(&args) {
        Ok(matches) => match Cli::from_arg_matches(&matches) {
            Ok(cli) => return Ok(cli),
            Err(e) => e,
        },
        Err(e) => e,
    };
    match error.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
            // Our own text (French headings): nothing from the user in it.
            let _ = error.print();
            Err(ExitCode::SUCCESS)
        }
        _ => {
            // Value errors carry no usage: give the subcommand's, if one was named.
            let mut cmd = command();
            // Built, subcommands know their full name ("rncp-explorer search").
            cmd.build();
            let usage = args
                .iter()
                .skip(1)
                .find_map(|a| {
                    cmd.find_subcommand_mut(a.to_str()?)
                        .map(|s| s.render_usage())
                })
                .unwrap_or_else(|| cmd.render_usage());
            eprint!("{}", render(&error, &usage.to_string()));
            Err(ExitCode::from(EXIT_USAGE))
        }
    }
}

/// A usage error in French, every value from the command line escaped;
/// `fallback_usage` is shown when the error carries none.
pub fn render(e: &clap::Error, fallback_usage: &str) -> String {
    let arg = one(e, ContextKind::InvalidArg);
    let value = one(e, ContextKind::InvalidValue);
    let quoted = |s: &str| format!("« {s} »");
    let mut message = match e.kind() {
        ErrorKind::InvalidValue if value.as_deref() == Some("") => {
            format!("une valeur est attendue pour {}", arg.unwrap_or_default())
        }
        ErrorKind::InvalidValue => {
            let mut m = format!(
                "valeur {} invalide pour {}",
                quoted(&value.unwrap_or_default()),
                arg.unwrap_or_default()
            );
            let valid = many(e, ContextKind::ValidValue);
            if !valid.is_empty() {
                m.push_str(&format!(" ; valeurs possibles : {}", valid.join(", ")));
            }
            m
        }
        ErrorKind::ValueValidation => {
            let why = std::error::Error::source(e)
                .map(|s| format!(" : {}", escape_for_terminal(&s.to_string())))
                .unwrap_or_default();
            format!(
                "valeur {} invalide pour {}{why}",
                quoted(&value.unwrap_or_default()),
                arg.unwrap_or_default()
            )
        }
        ErrorKind::UnknownArgument => {
            format!("argument inattendu {}", quoted(&arg.unwrap_or_default()))
        }
        ErrorKind::InvalidSubcommand => format!(
            "sous-commande inconnue {}",
            quoted(&one(e, ContextKind::InvalidSubcommand).unwrap_or_default())
        ),
        ErrorKind::MissingRequiredArgument => format!(
            "argument obligatoire manquant : {}",
            many(e, ContextKind::InvalidArg).join(", ")
        ),
        ErrorKind::MissingSubcommand => "une sous-commande est attendue".to_string(),
        ErrorKind::ArgumentConflict => match one(e, ContextKind::PriorArg) {
            Some(prior) if Some(&prior) != arg.as_ref() => format!(
                "{} ne peut pas s'employer avec {}",
                arg.unwrap_or_default(),
                prior
            ),
            _ => format!("{} est donné plusieurs fois", arg.unwrap_or_default()),
        },
        ErrorKind::NoEquals => format!("{} demande sa valeur après « = »", arg.unwrap_or_default()),
        ErrorKind::TooManyValues => format!(
            "valeur en trop {} pour {}",
            quoted(&value.unwrap_or_default()),
            arg.unwrap_or_default()
        ),
        ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => {
            format!(
                "nombre de valeurs incorrect pour {}",
                arg.unwrap_or_default()
            )
        }
        ErrorKind::InvalidUtf8 => "un argument n'est pas du texte UTF-8 valide".to_string(),
        _ => "arguments invalides".to_string(),
    };
    let suggestion = one(e, ContextKind::SuggestedSubcommand)
        .or_else(|| one(e, ContextKind::SuggestedArg))
        .or_else(|| one(e, ContextKind::SuggestedValue));
    if let Some(s) = suggestion {
        message.push_str(&format!(" ; vouliez-vous dire {} ?", quoted(&s)));
    } else if e.kind() == ErrorKind::UnknownArgument
        && let Some(a) = one(e, ContextKind::InvalidArg)
        && a.starts_with('-')
    {
        message.push_str(&format!(
            " (pour passer {} comme valeur, écrivez « -- {a} »)",
            quoted(&a)
        ));
    }
    let usage = one(e, ContextKind::Usage)
        .map(|u| u.trim_start_matches("Usage:").trim().to_string())
        .unwrap_or_else(|| {
            fallback_usage
                .trim_start_matches("Usage:")
                .trim()
                .to_string()
        });
    // "rncp-explorer search [OPTIONS] <QUERY>" → "rncp-explorer search".
    let path: Vec<&str> = usage
        .split_whitespace()
        .take_while(|w| !w.starts_with(['[', '<', '-']))
        .collect();
    format!(
        "rncp-explorer: {message}\n\nUtilisation : {usage}\nPour en savoir plus : {} --help\n",
        path.join(" ")
    )
}

/// One context value as escaped text (a list is joined).
fn one(e: &clap::Error, kind: ContextKind) -> Option<String> {
    let v = many(e, kind);
    (!v.is_empty()).then(|| v.join(", "))
}

fn many(e: &clap::Error, kind: ContextKind) -> Vec<String> {
    let styled = |s: &StyledStr| escape_for_terminal(&s.to_string());
    match e.get(kind) {
        Some(ContextValue::String(s)) => vec![escape_for_terminal(s)],
        Some(ContextValue::Strings(v)) => v.iter().map(|s| escape_for_terminal(s)).collect(),
        Some(ContextValue::StyledStr(s)) => vec![styled(s)],
        Some(ContextValue::StyledStrs(v)) => v.iter().map(styled).collect(),
        Some(ContextValue::Number(n)) => vec![n.to_string()],
        _ => Vec::new(),
    }
}
