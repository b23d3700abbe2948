//! Records in one flat array, addressed by id through a map: a scan reads contiguous memory
//! (a recommendation reads a million records in one pass), and a change touches one slot.

use std::collections::HashMap;

#[derive(Debug)]
pub struct Slab<T> {
    ids: Vec<i64>,
    rows: Vec<T>,
    slots: HashMap<i64, u32>,
}

impl<T> Default for Slab<T> {
    fn default() -> Self {
        Self {
            ids: Vec::new(),
            rows: Vec::new(),
            slots: HashMap::new(),
        }
    }
}

impl<T> Slab<T> {
    pub fn put(&mut self, id: i64, row: T) {
        match self.slots.get(&id) {
            Some(&slot) => self.rows[slot as usize] = row,
            None => {
                let slot = u32::try_from(self.rows.len()).unwrap_or(u32::MAX);
                self.ids.push(id);
                self.rows.push(row);
                self.slots.insert(id, slot);
            }
        }
    }

    /// Removes `id`; the last record moves into its slot, so the array stays dense.
    pub fn remove(&mut self, id: i64) -> Option<T> {
        let slot = self.slots.remove(&id)? as usize;
        self.ids.swap_remove(slot);
        let row = self.rows.swap_remove(slot);
        if let Some(moved) = self.ids.get(slot) {
            self.slots.insert(*moved, slot as u32);
        }
        Some(row)
    }

    pub fn get(&self, id: i64) -> Option<&T> {
        self.slots.get(&id).map(|s| &self.rows[*s as usize])
    }

    pub fn ids(&self) -> &[i64] {
        &self.ids
    }

    pub fn rows(&self) -> &[T] {
        &self.rows
    }

    pub fn iter(&self) -> impl Iterator<Item = (i64, &T)> {
        self.ids.iter().copied().zip(self.rows.iter())
    }

    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    pub fn shrink_to_fit(&mut self) {
        self.ids.shrink_to_fit();
        self.rows.shrink_to_fit();
        self.slots.shrink_to_fit();
    }

    /// The records' own bytes (what a scan reads).
    pub fn row_bytes(&self) -> usize {
        self.rows.capacity() * std::mem::size_of::<T>()
    }

    /// Everything held: records, ids and the id map (a hash map keeps about one spare slot in
    /// eight, plus a control byte per slot).
    pub fn bytes(&self) -> usize {
        let entry = std::mem::size_of::<(i64, u32)>() + 1;
        self.row_bytes() + self.ids.capacity() * 8 + self.slots.capacity() * 8 / 7 * entry
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn removing_keeps_every_other_id_reachable() {
        let mut s = Slab::default();
        for id in 1..=5 {
            s.put(id, id * 10);
        }
        s.put(3, 33);
        assert_eq!(s.remove(2), Some(20));
        assert_eq!(s.remove(2), None);
        assert_eq!(s.len(), 4);
        for (id, want) in [(1, 10), (3, 33), (4, 40), (5, 50)] {
            assert_eq!(s.get(id), Some(&want));
        }
        let mut ids: Vec<i64> = s.iter().map(|(id, _)| id).collect();
        ids.sort();
        assert_eq!(ids, [1, 3, 4, 5]);
    }
}
