//! A large fiche for benches: about `target` searchable items made of the
//! real fiche's phrases with variations. Shared by the search and render
//! benches (`#[path]`-included, so each bench binary compiles its own copy).

use rncp_explorer::model::{Course, Fiche, Parcours, Semester, Ue};

/// A fiche with about `target` searchable items, made of the real fiche's
/// phrases with variations: words swapped for others of the fiche, words
/// dropped, short fragments of other phrases appended. Deterministic.
pub fn generate(seed_fiche: &Fiche, target: usize) -> Fiche {
    let pool = Pool::new(seed_fiche);
    let mut rng = Rng(0x2545_f491_4f6c_dd1d);
    let mut fiche = seed_fiche.clone();
    fiche.common_semesters.clear();
    fiche.parcours.clear();
    // Per parcours, like the real ones: 6 jobs, 8 competences, 5 activities,
    // 5 sectors, 2 semesters of 5 UEs with 4 courses: 74 items.
    let per_parcours = 6 + 8 + 5 + 5 + 2 * 5 * (1 + 4);
    for p in 0..target.div_ceil(per_parcours) {
        let mut vary = |list: &[String], n: usize| -> Vec<String> {
            (0..n).map(|_| pool.vary(list, &mut rng)).collect()
        };
        let jobs = vary(&pool.jobs, 6);
        let competences = vary(&pool.competences, 8);
        let activities = vary(&pool.activities, 5);
        let sectors = vary(&pool.sectors, 5);
        let semesters = (3..=4)
            .map(|number| Semester {
                number,
                ues: (0..5)
                    .map(|u| Ue {
                        code: format!("UE {}", u + 1),
                        title: pool.vary(&pool.ues, &mut rng),
                        ects: Some(6),
                        choose: None,
                        courses: (0..4)
                            .map(|_| Course::Course(pool.vary(&pool.courses, &mut rng)))
                            .collect(),
                    })
                    .collect(),
            })
            .collect();
        fiche.parcours.push(Parcours {
            id: format!("p{p}"),
            name: format!("Parcours {p}"),
            short_name: None,
            activities,
            competences,
            sectors,
            jobs,
            semesters,
        });
    }
    fiche
}

/// The real fiche's phrases by kind, and its vocabulary.
struct Pool {
    jobs: Vec<String>,
    competences: Vec<String>,
    activities: Vec<String>,
    sectors: Vec<String>,
    ues: Vec<String>,
    courses: Vec<String>,
    words: Vec<String>,
}

impl Pool {
    fn new(fiche: &Fiche) -> Pool {
        let all = |f: fn(&Parcours) -> &Vec<String>| -> Vec<String> {
            fiche
                .parcours
                .iter()
                .flat_map(|p| f(p).iter().cloned())
                .collect()
        };
        let semesters: Vec<&Semester> = fiche
            .common_semesters
            .iter()
            .chain(fiche.parcours.iter().flat_map(|p| &p.semesters))
            .collect();
        let ues: Vec<String> = semesters
            .iter()
            .flat_map(|s| s.ues.iter().map(|u| u.title.clone()))
            .collect();
        let courses: Vec<String> = semesters
            .iter()
            .flat_map(|s| s.ues.iter().flat_map(|u| &u.courses))
            .flat_map(|c| c.titles().to_vec())
            .collect();
        let mut pool = Pool {
            jobs: all(|p| &p.jobs),
            competences: all(|p| &p.competences),
            activities: all(|p| &p.activities),
            sectors: all(|p| &p.sectors),
            ues,
            courses,
            words: Vec::new(),
        };
        let mut words: Vec<String> = [
            &pool.jobs,
            &pool.competences,
            &pool.activities,
            &pool.sectors,
            &pool.ues,
            &pool.courses,
        ]
        .iter()
        .flat_map(|l| l.iter())
        .flat_map(|t| t.split_whitespace().map(str::to_string))
        .filter(|w| w.chars().count() > 3)
        .collect();
        words.sort();
        words.dedup();
        pool.words = words;
        pool
    }

    fn vary(&self, list: &[String], rng: &mut Rng) -> String {
        let base = &list[rng.below(list.len())];
        let mut words: Vec<&str> = base.split_whitespace().collect();
        let swaps = rng.below(3);
        for _ in 0..swaps {
            let at = rng.below(words.len());
            words[at] = &self.words[rng.below(self.words.len())];
        }
        if words.len() > 3 && rng.below(4) == 0 {
            words.remove(rng.below(words.len()));
        }
        let mut text = words.join(" ");
        if rng.below(2) == 0 {
            for _ in 0..1 + rng.below(3) {
                text.push(' ');
                text.push_str(&self.words[rng.below(self.words.len())]);
            }
        }
        text
    }
}

/// xorshift64*: a small deterministic generator (no extra crate for a bench).
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_f491_4f6c_dd1d) >> 33) as usize % n.max(1)
    }
}
