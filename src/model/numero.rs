//! Certification numbers ("RNCP24759", "RS5000") and the one parser every
//! place that takes a number from a user goes through.

use std::fmt;

use serde::{Deserialize, Serialize};

/// Which register a fiche belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Repertoire {
    /// Répertoire national des certifications professionnelles.
    Rncp,
    /// Répertoire spécifique.
    Rs,
}

impl Repertoire {
    /// The prefix numbers carry ("RNCP", "RS").
    pub fn prefix(self) -> &'static str {
        match self {
            Repertoire::Rncp => "RNCP",
            Repertoire::Rs => "RS",
        }
    }
}

/// A fiche's number: its register and its digits ("RNCP" + "24759").
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Numero {
    pub repertoire: Repertoire,
    /// Digits only, without leading zeros ("24759").
    pub digits: String,
}

impl fmt::Display for Numero {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}{}", self.repertoire.prefix(), self.digits)
    }
}

/// A number as a user writes it: the register may be left out ("24759").
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct NumeroQuery {
    pub repertoire: Option<Repertoire>,
    pub digits: String,
}

impl Numero {
    /// The number as titles write it, prefix and digits apart ("RNCP 24759", "RS 6232").
    pub fn spaced(&self) -> String {
        format!("{} {}", self.repertoire.prefix(), self.digits)
    }

    pub fn new(repertoire: Repertoire, digits: &str) -> Numero {
        Numero {
            repertoire,
            digits: canonical_digits(digits),
        }
    }
}

/// Reads "RNCP24759", "24759", "rncp 24759", "RNCP-24759", "RS5000", "rs 5000".
/// Anything else (letters after the digits, an empty number, another
/// prefix) is `None`: a typo never silently names another fiche.
pub fn parse_numero(text: &str) -> Option<NumeroQuery> {
    let text = text.trim();
    let upper = text.to_ascii_uppercase();
    let (repertoire, rest) = if let Some(rest) = upper.strip_prefix("RNCP") {
        (Some(Repertoire::Rncp), rest)
    } else if let Some(rest) = upper.strip_prefix("RS") {
        (Some(Repertoire::Rs), rest)
    } else {
        (None, upper.as_str())
    };
    let digits = match repertoire {
        Some(_) => rest.trim_start_matches([' ', '-', '_', ':']),
        None => rest,
    };
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some(NumeroQuery {
        repertoire,
        digits: canonical_digits(digits),
    })
}

/// "024759" and "24759" are the same number; "0" stays "0".
fn canonical_digits(digits: &str) -> String {
    let trimmed = digits.trim_start_matches('0');
    if trimmed.is_empty() && !digits.is_empty() {
        "0".into()
    } else {
        trimmed.into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(r: Option<Repertoire>, d: &str) -> Option<NumeroQuery> {
        Some(NumeroQuery {
            repertoire: r,
            digits: d.into(),
        })
    }

    #[test]
    fn every_written_form_of_a_number_parses() {
        let rncp = q(Some(Repertoire::Rncp), "24759");
        assert_eq!(parse_numero("RNCP24759"), rncp);
        assert_eq!(parse_numero("rncp 24759"), rncp);
        assert_eq!(parse_numero(" RNCP-24759 "), rncp);
        assert_eq!(parse_numero("Rncp024759"), rncp);
        assert_eq!(parse_numero("24759"), q(None, "24759"));
        assert_eq!(parse_numero("RS5000"), q(Some(Repertoire::Rs), "5000"));
        assert_eq!(parse_numero("rs 5000"), q(Some(Repertoire::Rs), "5000"));
    }

    #[test]
    fn what_is_not_a_number_is_refused() {
        for bad in [
            "",
            "RNCP",
            "RNCP 24759x",
            "europe",
            "RX24759",
            "24 759",
            "-1",
        ] {
            assert_eq!(parse_numero(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn numbers_print_with_their_prefix() {
        assert_eq!(Numero::new(Repertoire::Rs, "05000").to_string(), "RS5000");
    }
}
