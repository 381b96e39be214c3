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

    /// Today in UTC, from the system clock.
    pub fn today() -> Date {
        let secs = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        Date::from_day_number((secs / 86_400) as i64)
    }

    /// Days since 1 January 1970 (negative before), for "in 273 days".
    pub fn day_number(self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let (m, d) = (i64::from(self.m), i64::from(self.d));
        let y = i64::from(self.y) - i64::from(m <= 2);
        let era = y.div_euclid(400);
        let yoe = y.rem_euclid(400);
        let mp = (m + 9) % 12;
        let doy = (153 * mp + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` days after 1 January 1970 (civil_from_days).
    pub fn from_day_number(days: i64) -> Date {
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
        // A visitor rather than a `String`: the cache decodes ~900 000 dates
        // of the full registry, and none needs an allocation.
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = Date;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("une date JJ/MM/AAAA")
            }
            fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Date, E> {
                Date::parse(text).ok_or_else(|| {
                    E::custom(format!("date invalide « {text} » (JJ/MM/AAAA attendu)"))
                })
            }
        }
        deserializer.deserialize_str(Visitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_numbers_round_trip_through_the_calendar() {
        let d = |y, m, d| Date { y, m, d };
        assert_eq!(Date::from_day_number(0), d(1970, 1, 1));
        assert_eq!(Date::from_day_number(20_788), d(2026, 12, 1));
        assert_eq!(d(2000, 2, 29).day_number(), 11_016);
        for n in [-1000, 0, 59, 60, 11_016, 20_788, 40_000] {
            assert_eq!(Date::from_day_number(n).day_number(), n);
        }
    }

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
