//! "Descriptif des composantes": semesters and UEs of the common core and of
//! each parcours, with the semester inferred where a heading is missing.

use crate::model::{Semester, Ue};

use super::Warning;
use super::courses::split_courses;
use super::text::{Line, excerpt};
use super::ue::parse_ue_line;

/// A UE line as read (joined with its wrapped continuation lines).
#[derive(Debug, Clone)]
pub(crate) struct UeDraft {
    pub line: usize,
    pub raw: String,
}

/// A semester as read; `number` is `None` when UEs came before any heading.
#[derive(Debug, Clone)]
pub(crate) struct SemesterDraft {
    pub number: Option<u8>,
    pub line: usize,
    pub ues: Vec<UeDraft>,
}

/// The curriculum of the common core or of one parcours, as read.
#[derive(Debug, Clone, Default)]
pub(crate) struct Block {
    pub semesters: Vec<SemesterDraft>,
    current: Option<usize>,
}

/// "Semestre 3", "SEMESTRE 3 :", "Semestre 3 (30 ECTS)", "S3": the number,
/// and any text after it that is not one of those forms.
pub(crate) fn semester_heading(line: &Line) -> Option<(u32, Option<String>)> {
    let key = line.key.as_str();
    let rest = key.strip_prefix("semestre").or_else(|| {
        key.strip_prefix('s')
            .filter(|r| r.starts_with(|c: char| c.is_ascii_digit()))
    })?;
    let rest = rest.trim_start();
    let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    if digits == 0 {
        return None;
    }
    let number: u32 = rest[..digits].parse().unwrap_or(u32::MAX);
    let after = rest[digits..].trim();
    if after.starts_with(|c: char| c.is_alphanumeric()) {
        return None;
    }
    let after = after.trim_start_matches(':').trim();
    let is_ects = after.starts_with('(') && after.ends_with("ects)");
    let extra = (!after.is_empty() && !is_ects)
        .then(|| line.text_from_key(key.len() - after.len()).to_string());
    Some((number, extra))
}

impl Block {
    /// Opens semester `number` (appending to it if the block already has it).
    pub fn open_semester(&mut self, number: u8, line: usize) {
        if let Some(i) = self.semesters.iter().position(|s| s.number == Some(number)) {
            self.current = Some(i);
        } else {
            self.semesters.push(SemesterDraft {
                number: Some(number),
                line,
                ues: Vec::new(),
            });
            self.current = Some(self.semesters.len() - 1);
        }
    }

    /// Forgets the current semester (after an unusable heading).
    pub fn close_semester(&mut self) {
        self.current = None;
    }

    pub fn push_ue(&mut self, line: usize, raw: &str) {
        let i = match self.current {
            Some(i) => i,
            None => {
                self.semesters.push(SemesterDraft {
                    number: None,
                    line,
                    ues: Vec::new(),
                });
                self.semesters.len() - 1
            }
        };
        self.current = Some(i);
        self.semesters[i].ues.push(UeDraft {
            line,
            raw: raw.to_string(),
        });
    }

    /// Appends a wrapped line to the last UE read.
    pub fn continue_ue(&mut self, text: &str) -> bool {
        let Some(ue) = self.current.and_then(|i| self.semesters[i].ues.last_mut()) else {
            return false;
        };
        ue.raw.push(' ');
        ue.raw.push_str(text);
        true
    }

    fn known_number_of(&self, code: &str) -> Option<u8> {
        self.semesters.iter().find_map(|s| {
            s.ues
                .iter()
                .any(|u| parse_ue_line(&u.raw).is_some_and(|p| p.code == code))
                .then_some(s.number)
                .flatten()
        })
    }

    pub fn max_number(&self) -> Option<u8> {
        self.semesters.iter().filter_map(|s| s.number).max()
    }
}

/// Gives every semester of `blocks[index]` a number. A semester read without
/// heading takes the number its first UE's code has in a sibling block (the
/// Europe parcours' "UE 7" is in semester 3 elsewhere), else the one after the
/// block's previous semester, else the one after the common core's last.
pub(crate) fn infer_numbers(
    blocks: &mut [Block],
    index: usize,
    common_max: Option<u8>,
    warnings: &mut Vec<Warning>,
) {
    for s in 0..blocks[index].semesters.len() {
        if blocks[index].semesters[s].number.is_some() {
            continue;
        }
        let draft = &blocks[index].semesters[s];
        let codes: Vec<String> = draft
            .ues
            .iter()
            .filter_map(|u| parse_ue_line(&u.raw).map(|p| p.code))
            .collect();
        let from_siblings = codes.iter().find_map(|code| {
            blocks
                .iter()
                .enumerate()
                .filter(|(i, _)| *i != index)
                .find_map(|(_, b)| b.known_number_of(code).map(|n| (n, code.clone())))
        });
        let previous = blocks[index].semesters[..s]
            .iter()
            .filter_map(|d| d.number)
            .max();
        let (number, reason) = match (from_siblings, previous, common_max) {
            (Some((n, code)), _, _) => (
                n,
                format!("{code} est au semestre {n} ailleurs dans la fiche"),
            ),
            (None, Some(p), _) => (
                p.saturating_add(1),
                "il suit le semestre précédent".to_string(),
            ),
            (None, None, Some(c)) => (
                c.saturating_add(1),
                "il suit le dernier semestre du tronc commun".to_string(),
            ),
            (None, None, None) => (1, "premier semestre décrit".to_string()),
        };
        let number = number.clamp(1, 12);
        let draft = &mut blocks[index].semesters[s];
        warnings.push(Warning {
            line: draft.line,
            message: format!(
                "UE sans titre « Semestre » au-dessus : semestre {number} déduit ({reason})"
            ),
        });
        draft.number = Some(number);
    }
}

/// The block's semesters, merged by number and sorted, UEs parsed.
pub(crate) fn build_semesters(block: Block, warnings: &mut Vec<Warning>) -> Vec<Semester> {
    let mut semesters: Vec<Semester> = Vec::new();
    for draft in block.semesters {
        let number = draft.number.unwrap_or(1);
        let ues: Vec<Ue> = draft
            .ues
            .iter()
            .filter_map(|u| build_ue(u, warnings))
            .collect();
        match semesters.iter_mut().find(|s| s.number == number) {
            Some(existing) => existing.ues.extend(ues),
            None => semesters.push(Semester { number, ues }),
        }
    }
    semesters.sort_by_key(|s| s.number);
    semesters
}

fn build_ue(draft: &UeDraft, warnings: &mut Vec<Warning>) -> Option<Ue> {
    let parsed = parse_ue_line(&draft.raw)?;
    if parsed.title.is_empty() {
        warnings.push(Warning {
            line: draft.line,
            message: format!("UE sans titre, non reprise : « {} »", excerpt(&draft.raw)),
        });
        return None;
    }
    if let Some(doubt) = &parsed.doubt {
        warnings.push(Warning {
            line: draft.line,
            message: format!("{doubt} : « {} »", excerpt(&draft.raw)),
        });
    }
    Some(Ue {
        code: parsed.code,
        title: parsed.title,
        ects: parsed.ects,
        choose: parsed.choose,
        courses: split_courses(&parsed.courses),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::text::prepare;

    fn line(text: &str) -> Line {
        prepare(text, &mut Vec::new()).remove(0)
    }

    #[test]
    fn semester_headings() {
        assert_eq!(semester_heading(&line("Semestre 3")), Some((3, None)));
        assert_eq!(semester_heading(&line("SEMESTRE 4 :")), Some((4, None)));
        assert_eq!(
            semester_heading(&line("Semestre 1 (30 ECTS)")),
            Some((1, None))
        );
        assert_eq!(semester_heading(&line("S2")), Some((2, None)));
        assert_eq!(
            semester_heading(&line("Semestre 2 : à l'étranger")),
            Some((2, Some("à l'étranger".into())))
        );
        assert_eq!(semester_heading(&line("Semestres d'études")), None);
        assert_eq!(semester_heading(&line("Sociologie")), None);
    }

    #[test]
    fn a_missing_heading_is_inferred_from_sibling_parcours() {
        let mut common = Block::default();
        common.open_semester(1, 1);
        common.push_ue(2, "UE 1 A (30 ECTS) : x");
        let mut first = Block::default();
        first.open_semester(3, 3);
        first.push_ue(4, "UE 7 B (30 ECTS) : y");
        let mut second = Block::default();
        second.push_ue(6, "UE 7 B (30 ECTS) : y");
        second.open_semester(4, 7);
        second.push_ue(8, "UE 8 C (30 ECTS) : z");
        let mut blocks = vec![first, second];
        let mut warnings = Vec::new();
        infer_numbers(&mut blocks, 1, common.max_number(), &mut warnings);
        assert_eq!(blocks[1].semesters[0].number, Some(3));
        assert_eq!(warnings.len(), 1);
        assert_eq!(warnings[0].line, 6);
        assert!(
            warnings[0].message.contains("semestre 3"),
            "{}",
            warnings[0].message
        );
    }

    #[test]
    fn without_siblings_the_position_decides() {
        let mut only = Block::default();
        only.push_ue(5, "UE 9 D : w");
        let mut blocks = vec![only];
        let mut warnings = Vec::new();
        infer_numbers(&mut blocks, 0, Some(2), &mut warnings);
        assert_eq!(blocks[0].semesters[0].number, Some(3));
    }

    #[test]
    fn ues_without_title_are_reported_not_kept() {
        let mut block = Block::default();
        block.open_semester(1, 1);
        block.push_ue(2, "UE 1 (6 ECTS) : Cours");
        block.push_ue(3, "UE 2 Titre (6 ECTS) : Cours, Autre cours");
        let mut warnings = Vec::new();
        let semesters = build_semesters(block, &mut warnings);
        assert_eq!(semesters[0].ues.len(), 1);
        assert_eq!(semesters[0].ues[0].courses.len(), 2);
        assert_eq!(warnings[0].line, 2);
    }
}
