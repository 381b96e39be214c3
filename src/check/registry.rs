//! Findings about a fiche's registry record, which need the catalogue (a
//! replacement number may be absent from the data) and today's date (an
//! active fiche past its end date).

use super::{Finding, Location};
use crate::model::registry::{Date, Record};
use crate::model::{Catalogue, Fiche};

/// What is questionable in `fiche`'s registry record, seen from
/// `catalogue` on `today`. A fiche without a record has none.
pub fn check_registry(fiche: &Fiche, catalogue: &Catalogue, today: Date) -> Vec<Finding> {
    let Some(record) = &fiche.registry else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let here = Location::default;
    validity(&mut out, record, today);
    for (numbers, relation) in [
        (&record.replaced_by, "remplacée par"),
        (&record.replaces, "remplace"),
    ] {
        for numero in numbers {
            let present = catalogue.lookup(&numero.to_string()).is_some();
            if !present {
                out.push(Finding::warning(
                    "lineage-absent",
                    here(),
                    format!("{relation} {numero}, absente des données chargées"),
                ));
            }
        }
    }
    let prefix = format!("{}BC", record.numero);
    for bloc in &record.blocs {
        if !bloc.code.to_ascii_uppercase().starts_with(&prefix) {
            out.push(Finding::warning(
                "bloc-code",
                here(),
                format!(
                    "bloc « {} » : son code ne commence pas par {prefix}",
                    bloc.code
                ),
            ));
        }
    }
    if record.certifiers.is_empty() {
        out.push(Finding::error(
            "no-certifier",
            here(),
            "aucun certificateur".into(),
        ));
    }
    if record.active == Some(true) && record.dates.end_of_registration.is_none() {
        out.push(Finding::warning(
            "no-end-date",
            here(),
            "fiche active sans date de fin d'enregistrement".into(),
        ));
    }
    if record.active.is_none() {
        out.push(Finding::warning(
            "unknown-state",
            here(),
            "ACTIF absent : on ne sait pas si la fiche est active".into(),
        ));
    }
    out
}

fn validity(out: &mut Vec<Finding>, record: &Record, today: Date) {
    let Some(end) = record.dates.end_of_registration else {
        return;
    };
    if record.active == Some(true) && end < today {
        out.push(Finding::error(
            "active-past-end",
            Location::default(),
            format!("fiche active alors que son enregistrement a pris fin le {end}"),
        ));
    }
}

/// Today's date (UTC), from the system clock.
pub fn today() -> Date {
    Date::today()
}
