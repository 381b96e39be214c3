//! Places as the index keeps them: most entries (an item of a registry
//! fiche's one parcours) in the entry's one `u32`; the others as varints in
//! one byte buffer, about 10 bytes for a course of a curriculum. Decoded
//! only for the rows on screen.

/// A place with its UE code numbered (`SearchIndex::ue_codes`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct PlaceRec {
    pub parcours: u32,
    pub at: LocRec,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum LocRec {
    Item(u32),
    Ue(UeRec),
    Course {
        ue: UeRec,
        course: u32,
        alternative: u32,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct UeRec {
    pub semester: u8,
    pub common: bool,
    pub semester_index: u32,
    pub ue_index: u32,
    /// Index in `SearchIndex::ue_codes`.
    pub code: u32,
}

/// Appends `places` to `out`: their count, then each place.
pub(crate) fn encode(places: &[PlaceRec], out: &mut Vec<u8>) {
    varint(places.len() as u32, out);
    for p in places {
        varint(p.parcours, out);
        let ue = |u: &UeRec, out: &mut Vec<u8>| {
            out.push(u.semester);
            varint(u.semester_index << 1 | u32::from(u.common), out);
            varint(u.ue_index, out);
            varint(u.code, out);
        };
        match &p.at {
            LocRec::Item(index) => {
                out.push(0);
                varint(*index, out);
            }
            LocRec::Ue(u) => {
                out.push(1);
                ue(u, out);
            }
            LocRec::Course {
                ue: u,
                course,
                alternative,
            } => {
                out.push(2);
                ue(u, out);
                varint(*course, out);
                varint(*alternative, out);
            }
        }
    }
}

/// The places encoded at `at` in `bytes`; `None` when they do not decode
/// (a damaged index file: `store` checks every entry's once).
pub(crate) fn decode(bytes: &[u8], at: usize) -> Option<Vec<PlaceRec>> {
    let mut r = bytes.get(at..)?;
    let count = read(&mut r)? as usize;
    // Each place takes at least 3 bytes: a count beyond that is damage.
    if count > r.len() / 3 + 1 {
        return None;
    }
    let mut places = Vec::with_capacity(count);
    for _ in 0..count {
        let parcours = read(&mut r)?;
        let (&tag, rest) = r.split_first()?;
        r = rest;
        let ue = |r: &mut &[u8]| -> Option<UeRec> {
            let (&semester, rest) = r.split_first()?;
            *r = rest;
            let packed = read(r)?;
            Some(UeRec {
                semester,
                common: packed & 1 == 1,
                semester_index: packed >> 1,
                ue_index: read(r)?,
                code: read(r)?,
            })
        };
        let at = match tag {
            0 => LocRec::Item(read(&mut r)?),
            1 => LocRec::Ue(ue(&mut r)?),
            2 => LocRec::Course {
                ue: ue(&mut r)?,
                course: read(&mut r)?,
                alternative: read(&mut r)?,
            },
            _ => return None,
        };
        places.push(PlaceRec { parcours, at });
    }
    Some(places)
}

fn varint(mut v: u32, out: &mut Vec<u8>) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

fn read(r: &mut &[u8]) -> Option<u32> {
    let mut v = 0u32;
    for shift in (0..35).step_by(7) {
        let (&b, rest) = r.split_first()?;
        *r = rest;
        v |= u32::from(b & 0x7f).checked_shl(shift)?;
        if b & 0x80 == 0 {
            return Some(v);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_round_trip_and_damage_is_refused() {
        let ue = UeRec {
            semester: 3,
            common: true,
            semester_index: 1,
            ue_index: 300,
            code: 70_000,
        };
        let places = vec![
            PlaceRec {
                parcours: 0,
                at: LocRec::Item(5),
            },
            PlaceRec {
                parcours: 13_000,
                at: LocRec::Ue(ue),
            },
            PlaceRec {
                parcours: 2,
                at: LocRec::Course {
                    ue,
                    course: 4,
                    alternative: 1,
                },
            },
        ];
        let mut bytes = vec![9, 9];
        encode(&places, &mut bytes);
        assert_eq!(decode(&bytes, 2), Some(places));
        assert_eq!(decode(&bytes, bytes.len()), None);
        assert_eq!(decode(&bytes[..bytes.len() - 1], 2), None);
        assert_eq!(decode(&[0xff, 0xff, 0xff, 0xff, 0xff, 0xff], 0), None);
        assert_eq!(decode(&[1, 0, 7, 0], 0), None, "an unknown tag");
    }
}
