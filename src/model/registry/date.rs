//! Dates of the export (`JJ/MM/AAAA`), kept as a checked calendar date.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A calendar date. Serialized as the export writes it (`"23/07/2020"`) so that
/// RON and JSON stay readable; fields are ordered so that `Ord` is chronological.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub y: u16,
    pub m: u8,
    pub d: u8,
}

impl Date {
    /// Parses `JJ/MM/AAAA` (one- or two-digit day and month accepted); `None`
    /// unless it names a real day (no 31/04, 29/02 only in leap years).
    pub fn parse(text: &str) -> Option<Date> {
        let mut parts = text.trim().split('/');
        let (d, m, y) = (parts.next()?, parts.next()?, parts.next()?);
        if parts.next().is_some() || y.len() != 4 || !(1..=2).contains(&d.len()) {
            return None;
        }
        if !(1..=2).contains(&m.len()) {
            return None;
        }
        let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
        if !(digits(d) && digits(m) && digits(y)) {
            return None;
        }
        let date = Date {
            y: y.parse().ok()?,
            m: m.parse().ok()?,
            d: d.parse().ok()?,
        };
        date.is_valid().then_some(date)
    }

    fn is_valid(&self) -> bool {
        let leap =
            (self.y.is_multiple_of(4) && !self.y.is_multiple_of(100)) || self.y.is_multiple_of(400);
        let days = match self.m {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return false,
        };
        self.y >= 1000 && (1..=days).contains(&self.d)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}/{:02}/{:04}", self.d, self.m, self.y)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Date, D::Error> {
        let text = String::deserialize(deserializer)?;
        Date::parse(&text).ok_or_else(|| {
            serde::de::Error::custom(format!("date invalide « {text} » (JJ/MM/AAAA attendu)"))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_real_days_only() {
        assert_eq!(
            Date::parse("23/07/2020"),
            Some(Date {
                y: 2020,
                m: 7,
                d: 23
            })
        );
        assert!(Date::parse("29/02/2024").is_some());
        for bad in [
            "29/02/2023",
            "31/04/2020",
            "00/01/2020",
            "1/13/2020",
            "2020-07-23",
            "23/07/20",
            "",
            "aa/bb/cccc",
            "23/07/2020/1",
        ] {
            assert_eq!(Date::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn orders_chronologically_and_prints_like_the_export() {
        let a = Date::parse("31/12/2019").unwrap();
        let b = Date::parse("01/01/2020").unwrap();
        assert!(a < b);
        assert_eq!(b.to_string(), "01/01/2020");
    }
}
