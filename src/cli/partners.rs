//! `rncp-explorer partners NUMBER [--siret N | --siren N] [--json]`: the
//! organisations habilitated on a certification, or whether one of them is.
//! Habilitated means listed, with an active habilitation, on a certification
//! that is itself active; the answer says which of these fails, per role.

use std::io::Write;
use std::process::ExitCode;

use serde::Serialize;

use rncp_explorer::app::view::strings as s;
use rncp_explorer::model::registry::Record;
use rncp_explorer::model::sanitize::escape_for_terminal;
use rncp_explorer::model::{Catalogue, Fiche};
use rncp_explorer::partners::{self as engine, PartnerOut};

pub use rncp_explorer::partners::Who;

/// `--siret`: 14 digits (spaces allowed, as printed on documents).
pub fn parse_siret(value: &str) -> Result<String, String> {
    engine::siret(value).ok_or_else(|| "un SIRET de 14 chiffres est attendu".into())
}

/// `--siren`: 9 digits.
pub fn parse_siren(value: &str) -> Result<String, String> {
    engine::siren(value).ok_or_else(|| "un SIREN de 9 chiffres est attendu".into())
}

/// The whole list, without `--siret`/`--siren`.
#[derive(Debug, Serialize)]
struct Listing {
    numero: String,
    certification_active: bool,
    count: usize,
    partners: Vec<PartnerOut>,
}

pub fn run(catalogue: &Catalogue, number: &str, who: Option<Who>, json: bool) -> ExitCode {
    let Some(fiche) = super::find_fiche(catalogue, number) else {
        return ExitCode::from(super::EXIT_BAD_INPUT);
    };
    let Some(record) = fiche.registry.as_deref() else {
        eprintln!(
            "rncp-explorer: {} ne vient pas du registre : ses partenaires ne sont pas connus",
            fiche.numero()
        );
        return ExitCode::from(super::EXIT_BAD_INPUT);
    };
    match who {
        None => match super::stdout::write_with(|out| list(out, fiche, record, json)) {
            Ok(()) => ExitCode::SUCCESS,
            Err(code) => code,
        },
        Some(who) => {
            let a = engine::answer(record, &who);
            if json {
                println!("{}", serde_json::to_string_pretty(&a).expect("serialises"));
            } else {
                for line in s::habilitation_answer(&a, &who, record.partners.len()) {
                    println!("{}", escape_for_terminal(&line));
                }
            }
            if a.habilitated {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            }
        }
    }
}

/// The whole list: a header line then one line per partner, or the JSON.
fn list(out: &mut dyn Write, fiche: &Fiche, record: &Record, json: bool) -> std::io::Result<()> {
    let active = engine::certification_active(record);
    let partners: Vec<PartnerOut> = record
        .partners
        .iter()
        .map(|p| PartnerOut::of(p, active))
        .collect();
    if json {
        let listing = Listing {
            numero: record.numero.to_string(),
            certification_active: active,
            count: partners.len(),
            partners,
        };
        serde_json::to_writer_pretty(&mut *out, &listing)?;
        return writeln!(out);
    }
    writeln!(
        out,
        "{} — {} : {} partenaires{}",
        record.numero,
        escape_for_terminal(&fiche.intitule),
        s::grouped(partners.len()),
        if active {
            ""
        } else {
            " (certification inactive)"
        }
    )?;
    for (p, raw) in partners.iter().zip(&record.partners) {
        writeln!(
            out,
            "{}\t{}\t{}\t{}",
            p.siret.as_deref().unwrap_or("-"),
            escape_for_terminal(&p.name),
            raw.habilitation
                .as_ref()
                .map_or_else(|| "?".to_string(), s::role),
            p.state.as_deref().unwrap_or("?"),
        )?;
    }
    Ok(())
}
