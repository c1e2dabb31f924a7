//! A map that keeps what was put in last: when an entry would pass its
//! bounds (how many entries, and their weight in all), the oldest go first.
//! The recent results and the kept typo and prefix matches are both kept in one.

use std::collections::{HashMap, VecDeque};
use std::hash::Hash;

pub struct OldestOut<K, V> {
    by_key: HashMap<K, (V, usize)>,
    /// Keys in the order they were put in.
    order: VecDeque<K>,
    /// The weight of every entry kept.
    weight: usize,
    most_entries: usize,
    most_weight: usize,
}

impl<K: Eq + Hash + Clone, V> OldestOut<K, V> {
    pub fn new(most_entries: usize, most_weight: usize) -> OldestOut<K, V> {
        OldestOut {
            by_key: HashMap::new(),
            order: VecDeque::new(),
            weight: 0,
            most_entries,
            most_weight,
        }
    }

    pub fn get<Q>(&self, key: &Q) -> Option<&V>
    where
        K: std::borrow::Borrow<Q>,
        Q: Eq + Hash + ?Sized,
    {
        self.by_key.get(key).map(|(value, _)| value)
    }

    /// Keeps `value` under `key`, unless it is kept already or alone weighs
    /// more than the bound.
    pub fn put(&mut self, key: K, value: V, weight: usize) {
        if self.by_key.contains_key(&key) || weight > self.most_weight {
            return;
        }
        while self.order.len() >= self.most_entries || self.weight + weight > self.most_weight {
            let Some(oldest) = self.order.pop_front() else {
                break;
            };
            if let Some((_, gone)) = self.by_key.remove(&oldest) {
                self.weight -= gone;
            }
        }
        self.order.push_back(key.clone());
        self.weight += weight;
        self.by_key.insert(key, (value, weight));
    }

    /// Keeps only the entries whose key passes `keep`.
    pub fn retain(&mut self, mut keep: impl FnMut(&K) -> bool) {
        self.order.retain(&mut keep);
        let weight = &mut self.weight;
        self.by_key.retain(|key, (_, gone)| {
            let kept = keep(key);
            if !kept {
                *weight -= *gone;
            }
            kept
        });
    }

    pub fn clear(&mut self) {
        self.retain(|_| false);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_oldest_go_first_by_count_and_by_weight() {
        let mut kept = OldestOut::new(3, 10);
        for key in 0..4 {
            kept.put(key, key, 1);
        }
        assert!(kept.get(&0).is_none(), "four entries: the first went");
        assert_eq!(kept.get(&3), Some(&3));
        kept.put(4, 4, 9);
        assert!(
            kept.get(&1).is_none() && kept.get(&2).is_none(),
            "by weight"
        );
        assert_eq!((kept.get(&3), kept.get(&4)), (Some(&3), Some(&4)));
        kept.put(5, 5, 11);
        assert!(kept.get(&5).is_none(), "heavier than the bound");
        kept.retain(|key| *key != 4);
        kept.put(6, 6, 9);
        assert_eq!(
            (kept.get(&3), kept.get(&6)),
            (Some(&3), Some(&6)),
            "weight freed"
        );
        kept.clear();
        assert!(kept.get(&6).is_none());
    }
}
