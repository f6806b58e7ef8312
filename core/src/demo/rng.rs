//! The generator's randomness: a ChaCha8 stream per (seed, district, year, stream), with the
//! few draws the generator needs implemented here on raw 64-bit words, so that the log depends
//! only on the ChaCha8 keystream (fixed by its specification) and not on a distribution
//! algorithm that a `rand` release could change.

use rand_chacha::rand_core::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

/// What a stream of random draws is used for; each has its own stream, so a change in one
/// generator does not shift the draws of the others.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Stream {
    Roster = 1,
    Suggestions = 2,
    Meetings = 3,
    Oversight = 4,
    Activities = 5,
    Motions = 6,
    /// The national data set (one stream per congress).
    National = 7,
    /// The deputies of the national data set (one stream per congress).
    NationalDeputies = 8,
}

/// A reproducible random stream.
pub(crate) struct DemoRng(ChaCha8Rng);

/// SplitMix64's finaliser: spreads the stream coordinates over the 64-bit seed space.
fn mix(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

impl DemoRng {
    /// The stream for one district, year and use.
    pub(crate) fn new(seed: u64, district: u32, year: i32, stream: Stream) -> Self {
        let mut s = mix(seed);
        s = mix(s ^ u64::from(district));
        s = mix(s ^ (year as i64 as u64));
        s = mix(s ^ stream as u64);
        Self(ChaCha8Rng::seed_from_u64(s))
    }

    /// A uniform integer in `0..n` (`n > 0`), without modulo bias (Lemire's method with
    /// rejection).
    pub(crate) fn below(&mut self, n: u64) -> u64 {
        debug_assert!(n > 0);
        let n = n.max(1);
        let threshold = n.wrapping_neg() % n;
        loop {
            let m = u128::from(self.0.next_u64()) * u128::from(n);
            if (m as u64) >= threshold {
                return (m >> 64) as u64;
            }
        }
    }

    /// A uniform integer in `lo..=hi`.
    pub(crate) fn range(&mut self, lo: i64, hi: i64) -> i64 {
        if hi <= lo {
            return lo;
        }
        lo + self.below((hi - lo) as u64 + 1) as i64
    }

    /// True with probability `per_mille` / 1000.
    pub(crate) fn chance(&mut self, per_mille: u32) -> bool {
        self.below(1000) < u64::from(per_mille)
    }

    /// An index in `0..len` (`len > 0`).
    pub(crate) fn index(&mut self, len: usize) -> usize {
        self.below(len as u64) as usize
    }

    /// One element of a non-empty slice.
    pub(crate) fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.index(items.len())]
    }

    /// Shuffles in place (Fisher–Yates).
    pub(crate) fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = self.index(i + 1);
            items.swap(i, j);
        }
    }

    /// An index drawn with the given weights (not all zero).
    pub(crate) fn weighted(&mut self, weights: &[u32]) -> usize {
        let total: u64 = weights.iter().map(|&w| u64::from(w)).sum();
        let mut x = self.below(total.max(1));
        for (i, &w) in weights.iter().enumerate() {
            if x < u64::from(w) {
                return i;
            }
            x -= u64::from(w);
        }
        weights.len() - 1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn streams_are_reproducible_and_distinct() {
        let draw = |stream| {
            let mut r = DemoRng::new(7, 0, 2024, stream);
            (0..8).map(|_| r.below(1_000_000)).collect::<Vec<_>>()
        };
        assert_eq!(draw(Stream::Roster), draw(Stream::Roster));
        assert_ne!(draw(Stream::Roster), draw(Stream::Suggestions));
    }

    #[test]
    fn below_stays_in_range_and_reaches_both_ends() {
        let mut r = DemoRng::new(1, 0, 2024, Stream::Meetings);
        let draws: Vec<u64> = (0..2000).map(|_| r.below(5)).collect();
        assert!(draws.iter().all(|&d| d < 5));
        assert!(draws.contains(&0) && draws.contains(&4));
    }
}
