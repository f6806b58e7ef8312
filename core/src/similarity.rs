//! The class-case suggester: candidate groups of similar suggestions from the text of their
//! titles (issue 4 item 3; W1 step 4, §6.2 "committees propose"). It only *proposes*: a group
//! exists only once the office merges it ([`crate::Command::MergeSuggestions`]).
//!
//! How it works, deterministically:
//! 1. **Terms.** Each title is cut into runs of CJK characters; generic words (the
//!    [`SimilarityParams::stop_words`]: 关于, 建议, 问题, 加强, 进一步, …), punctuation, ASCII
//!    (numbers, Latin letters) and function characters such as 的/和/与 break the runs. The
//!    terms are the character bigrams inside each run (幼儿园学位 → 幼儿, 儿园, 园学, 学位)
//!    and, unless [`SimilarityParams::unigrams`] is off, its single characters.
//! 2. **Weights.** TF-IDF: a term's weight in a title is its count times
//!    `ln((N + 1) / df)`, where `df` is the number of titles (of `N`) that contain it, so terms
//!    common to many titles (generic ones the stop list missed, e.g. 我区) weigh little — the
//!    generic terms are *learned* from document frequency. Vectors are normalised to length 1.
//! 3. **Similarity.** Cosine of two vectors (0 to 1).
//! 4. **Groups.** Average-link agglomerative clustering: the two groups whose average pairwise
//!    similarity is highest are merged while it is at least [`SimilarityParams::min_score`];
//!    ties go to the groups with the smallest suggestion ids.
//! 5. **Ranking.** Groups of two or more, by score (the average pairwise similarity inside the
//!    group) descending, then by their first suggestion id.
//!
//! The input order does not matter: items are sorted by id first, so the same set of items
//! always gives the same groups, scores and order.
//!
//! ```
//! use renda::similarity::{candidate_groups, SimilarityParams};
//! use renda::SuggestionId;
//! let items: Vec<(SuggestionId, &str)> = [
//!     ("S1", "关于增加幼儿园学位的建议"),
//!     ("S2", "关于进一步增加幼儿园学位供给的建议"),
//!     ("S3", "关于老旧小区加装电梯的建议"),
//!     ("S4", "关于加快老旧小区加装电梯进度的建议"),
//!     ("S5", "关于规范共享单车停放的建议"),
//! ].iter().map(|(id, t)| (id.parse().unwrap(), *t)).collect();
//! let groups = candidate_groups(&items, &SimilarityParams::default());
//! let ids: Vec<Vec<&str>> = groups.iter()
//!     .map(|g| g.suggestions.iter().map(|s| s.as_str()).collect()).collect();
//! assert_eq!(ids.len(), 2);
//! assert!(ids.contains(&vec!["S1", "S2"]) && ids.contains(&vec!["S3", "S4"]));
//! assert!(groups[0].shared_terms.len() >= 2);
//! ```

use crate::ids::SuggestionId;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// Generic words of suggestion titles, removed before the bigrams are formed (a prior; the
/// IDF weighting learns the rest from the titles themselves).
#[rustfmt::skip]
pub const DEFAULT_STOP_WORDS: &[&str] = &[
    "关于", "建议", "意见", "批评", "问题", "加强", "进一步", "推进", "推动", "完善", "提高", "提升", "解决", "工作", "有关",
    "相关", "促进", "优化", "落实", "切实", "积极", "做好", "加快", "加大", "力度", "方面", "情况", "措施", "我区", "全区",
    "本区", "海淀区", "海淀", "北京市", "持续", "尽快", "着力", "更好", "建立", "健全", "机制", "对策", "思考", "改善", "缓解",
    "增设", "增加", "规范", "深化", "发展", "扩大", "建设", "简化", "提供", "保障", "实现", "开展", "强化", "治理", "研究",
];

/// Single characters that separate terms (function words): 的, 和, 与, 及, 或, 等, 对, 在, 将, 把.
pub const DEFAULT_STOP_CHARS: &str = "的和与及或等对在将把之了";

/// Parameters of the suggester.
///
/// ```
/// let p: renda::similarity::SimilarityParams = serde_json::from_str(r#"{"min_score":0.5}"#).unwrap();
/// assert_eq!(p.min_score, 0.5);
/// assert!(p.stop_words.iter().any(|w| w == "关于"));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct SimilarityParams {
    /// Lowest average similarity (0 to 1) at which two groups are merged. Default
    /// [`SimilarityParams::DEFAULT_MIN_SCORE`].
    pub min_score: f64,
    /// Generic words removed before the bigrams are formed. Default [`DEFAULT_STOP_WORDS`].
    pub stop_words: Vec<String>,
    /// Characters that separate terms. Default [`DEFAULT_STOP_CHARS`].
    pub stop_chars: String,
    /// Most shared terms reported per group. Default 5.
    pub max_shared_terms: usize,
    /// Also count the single characters of each run as terms (default `true`): they match
    /// variants such as 停车 / 停车位 / 车位 that share no bigram.
    pub unigrams: bool,
}

impl SimilarityParams {
    /// The default threshold, chosen on the fixture `tests/class_cases/titles.json`
    /// (docs/class-cases.md gives the precision and recall measured there).
    pub const DEFAULT_MIN_SCORE: f64 = 0.15;

    /// The default parameters with another threshold.
    pub fn with_min_score(min_score: f64) -> Self {
        Self {
            min_score,
            ..Self::default()
        }
    }
}

impl Default for SimilarityParams {
    fn default() -> Self {
        Self {
            min_score: Self::DEFAULT_MIN_SCORE,
            stop_words: DEFAULT_STOP_WORDS.iter().map(|s| s.to_string()).collect(),
            stop_chars: DEFAULT_STOP_CHARS.into(),
            max_shared_terms: 5,
            unigrams: true,
        }
    }
}

/// A proposed class case: suggestions whose titles are similar. Never merged by itself.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CandidateGroup {
    /// The suggestions, ordered by id.
    pub suggestions: Vec<SuggestionId>,
    /// Average pairwise cosine similarity inside the group, 0 to 1, with 3 decimals (`"0.732"`).
    pub score: String,
    /// The terms (character bigrams) most of the members share, weightiest first: in at least
    /// half of the members (and at least two), by the number of members, then by IDF weight,
    /// then by the term.
    pub shared_terms: Vec<String>,
}

/// Whether `c` is a CJK ideograph (the unified ideographs, extension A, compatibility
/// ideographs and the supplementary planes' extensions).
fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{4E00}'..='\u{9FFF}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{2FA1F}')
}

/// The terms (character bigrams) of `title` with their counts, as `params` defines them.
///
/// ```
/// use renda::similarity::{terms, SimilarityParams};
/// let t = terms("关于增加幼儿园学位的建议（2024）", &SimilarityParams::default());
/// // 关于, 增加 and 建议 are stop words, 的 separates, the rest is noise.
/// assert_eq!(t.keys().map(|s| s.as_str()).collect::<Vec<_>>(),
///     ["位", "儿", "儿园", "园", "园学", "学", "学位", "幼", "幼儿"]);
/// ```
pub fn terms(title: &str, params: &SimilarityParams) -> BTreeMap<String, u32> {
    // Mark every character covered by a stop word (longest words first where they overlap).
    let chars: Vec<char> = title.chars().collect();
    let mut stop = vec![false; chars.len()];
    let mut words: Vec<Vec<char>> = params
        .stop_words
        .iter()
        .map(|w| w.chars().collect::<Vec<char>>())
        .filter(|w| !w.is_empty())
        .collect();
    words.sort_by(|a, b| b.len().cmp(&a.len()).then_with(|| a.cmp(b)));
    let mut i = 0;
    while i < chars.len() {
        match words.iter().find(|w| chars[i..].starts_with(w.as_slice())) {
            Some(w) => {
                for s in &mut stop[i..i + w.len()] {
                    *s = true;
                }
                i += w.len();
            }
            None => i += 1,
        }
    }
    let mut out = BTreeMap::new();
    let mut run: Vec<char> = Vec::new();
    let unigrams = params.unigrams;
    let mut flush = |run: &mut Vec<char>| {
        for w in run.windows(2) {
            *out.entry(w.iter().collect::<String>()).or_insert(0) += 1;
        }
        // Single characters count inside a run of two or more only: a lone character
        // between separators (年, 第, 号 around numbers) is noise.
        if unigrams && run.len() >= 2 {
            for c in run.iter() {
                *out.entry(c.to_string()).or_insert(0) += 1;
            }
        }
        run.clear();
    };
    for (k, c) in chars.iter().enumerate() {
        if !stop[k] && is_cjk(*c) && !params.stop_chars.contains(*c) {
            run.push(*c);
        } else {
            flush(&mut run);
        }
    }
    flush(&mut run);
    out
}

/// Sparse unit vectors of the items with the IDF of every term, over the items plus the
/// background titles.
struct Vectors {
    /// Per item: (term index, weight), sorted by term index, length 1 (or empty).
    rows: Vec<Vec<(usize, f64)>>,
    /// The terms, sorted.
    terms: Vec<String>,
    /// IDF per term.
    idf: Vec<f64>,
}

fn vectors(titles: &[&str], background: &[&str], params: &SimilarityParams) -> Vectors {
    let item_terms: Vec<BTreeMap<String, u32>> = titles.iter().map(|t| terms(t, params)).collect();
    let mut df: BTreeMap<String, u32> = BTreeMap::new();
    for t in item_terms.iter() {
        for k in t.keys() {
            *df.entry(k.clone()).or_insert(0) += 1;
        }
    }
    for b in background {
        for k in terms(b, params).into_keys() {
            *df.entry(k).or_insert(0) += 1;
        }
    }
    let n = (titles.len() + background.len()) as f64;
    let terms: Vec<String> = df.keys().cloned().collect();
    let idf: Vec<f64> = df.values().map(|d| ((n + 1.0) / *d as f64).ln()).collect();
    let rows = item_terms
        .iter()
        .map(|t| {
            let mut row: Vec<(usize, f64)> = t
                .iter()
                .map(|(k, c)| {
                    let i = terms.binary_search(k).expect("every term is counted");
                    (i, *c as f64 * idf[i])
                })
                .collect();
            let norm = row.iter().map(|(_, w)| w * w).sum::<f64>().sqrt();
            if norm > 0.0 {
                for (_, w) in &mut row {
                    *w /= norm;
                }
            }
            row
        })
        .collect();
    Vectors { rows, terms, idf }
}

/// Cosine similarity of every pair of items that shares a term, as `(i, j) → similarity`
/// with `i < j`.
fn similarities(v: &Vectors) -> BTreeMap<(usize, usize), f64> {
    let mut postings: Vec<Vec<(usize, f64)>> = vec![Vec::new(); v.terms.len()];
    for (i, row) in v.rows.iter().enumerate() {
        for (t, w) in row {
            postings[*t].push((i, *w));
        }
    }
    let mut sims: BTreeMap<(usize, usize), f64> = BTreeMap::new();
    for list in &postings {
        for (a, (i, wi)) in list.iter().enumerate() {
            for (j, wj) in &list[a + 1..] {
                *sims.entry((*i, *j)).or_insert(0.0) += wi * wj;
            }
        }
    }
    sims
}

/// Average-link clusters of the items at `min_score`: every cluster (singletons included) as
/// sorted item indexes, each with the sum of its internal pairwise similarities.
fn cluster(n: usize, sims: &BTreeMap<(usize, usize), f64>, min_score: f64) -> Vec<Vec<usize>> {
    // A cluster is named by its smallest item index; `sums` holds the sum of similarities
    // between two clusters (only pairs sharing a term, the rest being 0).
    let mut members: Vec<Option<Vec<usize>>> = (0..n).map(|i| Some(vec![i])).collect();
    let mut sums: BTreeMap<(usize, usize), f64> = sims.clone();
    loop {
        let mut best: Option<((usize, usize), f64)> = None;
        for (&(a, b), &s) in &sums {
            let (ma, mb) = match (&members[a], &members[b]) {
                (Some(x), Some(y)) => (x.len(), y.len()),
                _ => continue,
            };
            let avg = s / (ma * mb) as f64;
            // Strictly greater keeps the first pair in (a, b) order on ties.
            if avg >= min_score && best.is_none_or(|(_, top)| avg > top) {
                best = Some(((a, b), avg));
            }
        }
        let Some(((a, b), _)) = best else {
            break;
        };
        let mb = members[b].take().expect("live cluster");
        let ma = members[a].as_mut().expect("live cluster");
        ma.extend(mb);
        ma.sort_unstable();
        // Lance–Williams for average link: sums add up.
        let moved: Vec<((usize, usize), f64)> = sums
            .iter()
            .filter(|((x, y), _)| *x == b || *y == b)
            .map(|(k, v)| (*k, *v))
            .collect();
        sums.remove(&(a, b));
        for ((x, y), s) in moved {
            sums.remove(&(x, y));
            let other = if x == b { y } else { x };
            if other == a {
                continue;
            }
            let key = (a.min(other), a.max(other));
            *sums.entry(key).or_insert(0.0) += s;
        }
    }
    members.into_iter().flatten().collect()
}

/// Candidate class cases among `items` (suggestion id and title), the titles themselves being
/// the corpus the IDF is learned from. See the module documentation.
pub fn candidate_groups(
    items: &[(SuggestionId, &str)],
    params: &SimilarityParams,
) -> Vec<CandidateGroup> {
    candidate_groups_with_background(items, &[], params)
}

/// Like [`candidate_groups`], with `background` titles (e.g. the congress's other suggestions,
/// already grouped or replied) added to the corpus the IDF is learned from; they are never
/// grouped themselves.
pub fn candidate_groups_with_background(
    items: &[(SuggestionId, &str)],
    background: &[&str],
    params: &SimilarityParams,
) -> Vec<CandidateGroup> {
    // Canonical order: by id, then title (for a repeated id the smallest title is kept).
    let mut sorted: Vec<(&SuggestionId, &str)> = items.iter().map(|(i, t)| (i, *t)).collect();
    sorted.sort();
    sorted.dedup_by(|a, b| a.0 == b.0);
    let mut background: Vec<&str> = background.to_vec();
    background.sort_unstable();
    let titles: Vec<&str> = sorted.iter().map(|(_, t)| *t).collect();
    let v = vectors(&titles, &background, params);
    let sims = similarities(&v);
    let min_score = if params.min_score.is_finite() {
        params.min_score.max(f64::MIN_POSITIVE)
    } else {
        f64::INFINITY
    };
    let mut groups: Vec<(f64, CandidateGroup)> = cluster(titles.len(), &sims, min_score)
        .into_iter()
        .filter(|c| c.len() >= 2)
        .map(|c| {
            let mut sum = 0.0;
            for (k, i) in c.iter().enumerate() {
                for j in &c[k + 1..] {
                    sum += sims.get(&(*i, *j)).copied().unwrap_or(0.0);
                }
            }
            let pairs = (c.len() * (c.len() - 1) / 2) as f64;
            let score = sum / pairs;
            (
                score,
                CandidateGroup {
                    suggestions: c.iter().map(|i| sorted[*i].0.clone()).collect(),
                    score: format!("{:.3}", score.clamp(0.0, 1.0)),
                    shared_terms: shared_terms(&v, &c, params.max_shared_terms),
                },
            )
        })
        .collect();
    groups.sort_by(|(sa, a), (sb, b)| {
        sb.total_cmp(sa)
            .then_with(|| a.suggestions.cmp(&b.suggestions))
    });
    groups.into_iter().map(|(_, g)| g).collect()
}

fn shared_terms(v: &Vectors, members: &[usize], max: usize) -> Vec<String> {
    let mut count: BTreeMap<usize, usize> = BTreeMap::new();
    for i in members {
        let distinct: BTreeSet<usize> = v.rows[*i].iter().map(|(t, _)| *t).collect();
        for t in distinct {
            *count.entry(t).or_insert(0) += 1;
        }
    }
    let need = members.len().div_ceil(2).max(2);
    let mut shared: Vec<(usize, usize)> = count
        .into_iter()
        .filter(|(t, c)| *c >= need && v.terms[*t].chars().count() >= 2)
        .collect();
    shared.sort_by(|(ta, ca), (tb, cb)| {
        cb.cmp(ca)
            .then_with(|| v.idf[*tb].total_cmp(&v.idf[*ta]))
            .then_with(|| v.terms[*ta].cmp(&v.terms[*tb]))
    });
    shared
        .into_iter()
        .take(max)
        .map(|(t, _)| v.terms[t].clone())
        .collect()
}

/// Parses a threshold given as text (`"0.3"`), which must be a number from 0 to 1.
pub fn parse_min_score(field: &str, text: &str) -> crate::Result<f64> {
    let bad = || crate::RendaError::InvalidField {
        field: field.into(),
        value: crate::ids::truncate(text),
        reason: "must be a number from 0 to 1 (e.g. \"0.3\")".into(),
    };
    let v: f64 = text.trim().parse().map_err(|_| bad())?;
    if !(0.0..=1.0).contains(&v) {
        return Err(bad());
    }
    Ok(v)
}
