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

/// Today's date in UTC from the system clock (days since 1970 → civil date,
/// Howard Hinnant's algorithm), so that no date crate is needed for one call.
pub fn today() -> Date {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    civil_from_days((secs / 86_400) as i64)
}

fn civil_from_days(days: i64) -> Date {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    let y = (yoe + era * 400 + i64::from(m <= 2)) as u16;
    Date { y, m, d }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_since_1970_become_calendar_dates() {
        assert_eq!(
            civil_from_days(0),
            Date {
                y: 1970,
                m: 1,
                d: 1
            }
        );
        assert_eq!(
            civil_from_days(20_788),
            Date {
                y: 2026,
                m: 12,
                d: 1
            }
        );
        assert_eq!(
            civil_from_days(11_016),
            Date {
                y: 2000,
                m: 2,
                d: 29
            }
        );
    }
}
