//! The command's global allocator: mimalloc, asked the way its own C API is fastest.
//!
//! The pipeline makes millions of small allocations (strings of cells, rows, names), and
//! mimalloc takes about a seventh off its instructions against glibc's malloc. The `mimalloc`
//! crate's `GlobalAlloc` sends every request through `mi_malloc_aligned`, whose checks cost
//! more than the allocation itself; mimalloc's plain `mi_malloc` already returns memory aligned
//! to the request when the alignment is at most `MI_MAX_ALIGN_SIZE` (16) and at most the size
//! (mimalloc's own `mi_malloc_is_naturally_aligned` test). [`Mimalloc`] takes that path then
//! and the aligned one otherwise: 2–3% fewer instructions for the whole pipeline.
//!
//! A run is short and its memory comes and goes in waves (a page's parser state, then the
//! pages once the schema is built, then the schema once the code is written), so
//! [`keep_freed_memory`] asks mimalloc to keep what is freed for the next allocations instead
//! of handing it back to the system after 10 ms and faulting it in again, zeroed, moments later.
//!
//! This file is also the benchmark's allocator (`benches/pipeline.rs` includes it), so that
//! the figures are the command's.

use libmimalloc_sys::{
    mi_free, mi_malloc, mi_malloc_aligned, mi_option_set, mi_option_t, mi_realloc,
    mi_realloc_aligned, mi_zalloc, mi_zalloc_aligned,
};
use std::alloc::{GlobalAlloc, Layout};
use std::ffi::c_void;

/// mimalloc's `mi_option_purge_delay` (`mimalloc.h`; `libmimalloc-sys` names only some
/// options): how many milliseconds freed memory waits before it goes back to the system, `-1`
/// for never. mimalloc reads `MIMALLOC_PURGE_DELAY` into it when the process starts.
const PURGE_DELAY: mi_option_t = 15;

/// The environment variable that sets [`PURGE_DELAY`], which a user's setting wins over ours.
const PURGE_DELAY_VAR: &str = "MIMALLOC_PURGE_DELAY";

/// Keeps freed memory in the process for reuse until it exits (unless `MIMALLOC_PURGE_DELAY`
/// says otherwise): the end-to-end pipeline runs about a tenth faster on a whole tree, its peak
/// memory unchanged, since what is freed is what the next stage allocates.
pub fn keep_freed_memory() {
    if std::env::var_os(PURGE_DELAY_VAR).is_none() {
        // SAFETY: sets one of mimalloc's options, which it reads with atomic loads.
        unsafe { mi_option_set(PURGE_DELAY, -1) }
    }
}

/// The largest alignment `mi_malloc` gives every block (`MI_MAX_ALIGN_SIZE`) whose size is at
/// least that alignment.
const NATURAL_ALIGN: usize = 16;

/// mimalloc as the global allocator, through its plain functions where they align enough.
pub struct Mimalloc;

/// Whether a block of `size` bytes from plain `mi_malloc` is aligned to `align`.
fn naturally_aligned(size: usize, align: usize) -> bool {
    align <= NATURAL_ALIGN && align <= size
}

// SAFETY: every function hands the request to mimalloc, which returns null or a block of at
// least the requested size; the plain functions only when `naturally_aligned` says mimalloc
// aligns their blocks as the layout asks; every block is freed by `mi_free`.
unsafe impl GlobalAlloc for Mimalloc {
    #[inline]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: plain FFI calls with a size and a power-of-two alignment.
        unsafe {
            if naturally_aligned(layout.size(), layout.align()) {
                mi_malloc(layout.size()).cast()
            } else {
                mi_malloc_aligned(layout.size(), layout.align()).cast()
            }
        }
    }

    #[inline]
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: as in `alloc`.
        unsafe {
            if naturally_aligned(layout.size(), layout.align()) {
                mi_zalloc(layout.size()).cast()
            } else {
                mi_zalloc_aligned(layout.size(), layout.align()).cast()
            }
        }
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, _layout: Layout) {
        // SAFETY: `ptr` came from this allocator, that is from mimalloc.
        unsafe { mi_free(ptr.cast::<c_void>()) }
    }

    #[inline]
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: `ptr` came from mimalloc; a block that moves is a new one of `new_size`
        // bytes, aligned as `alloc` would align it.
        unsafe {
            if naturally_aligned(new_size, layout.align()) {
                mi_realloc(ptr.cast::<c_void>(), new_size).cast()
            } else {
                mi_realloc_aligned(ptr.cast::<c_void>(), new_size, layout.align()).cast()
            }
        }
    }
}

#[cfg(test)]
mod tests {
    // Imports inside the tests: the benchmark includes this file without a test harness.
    /// Every block is aligned as asked and keeps its bytes through growing and shrinking, on
    /// both paths (small alignments, and alignments past 16 or past the size).
    #[test]
    fn blocks_are_aligned_and_keep_their_bytes() {
        use super::Mimalloc;
        use std::alloc::{GlobalAlloc, Layout};
        let alloc = Mimalloc;
        for align in [1, 2, 4, 8, 16, 32, 64, 4096] {
            for size in [1, 3, 8, 15, 16, 17, 24, 40, 48, 100, 1000, 5000, 70_000] {
                let layout = Layout::from_size_align(size, align).unwrap();
                // SAFETY: a non-zero size; every block is freed with its layout.
                unsafe {
                    let zeroed = alloc.alloc_zeroed(layout);
                    assert!(!zeroed.is_null());
                    assert_eq!(zeroed as usize % align, 0, "zeroed {size} at {align}");
                    assert!((0..size).all(|i| *zeroed.add(i) == 0));
                    alloc.dealloc(zeroed, layout);

                    let mut p = alloc.alloc(layout);
                    assert!(!p.is_null());
                    assert_eq!(p as usize % align, 0, "{size} at {align}");
                    for i in 0..size {
                        *p.add(i) = i as u8;
                    }
                    for new_size in [size * 3 + 1, size.div_ceil(2)] {
                        let q = alloc.realloc(p, layout, new_size);
                        assert!(!q.is_null());
                        assert_eq!(q as usize % align, 0, "{size} → {new_size} at {align}");
                        assert!((0..size.min(new_size)).all(|i| *q.add(i) == i as u8));
                        let grown = Layout::from_size_align(new_size, align).unwrap();
                        let back = alloc.realloc(q, grown, size);
                        assert_eq!(back as usize % align, 0);
                        assert!((0..size.min(new_size)).all(|i| *back.add(i) == i as u8));
                        // The next round reallocates the block again from `size`.
                        p = back;
                    }
                    alloc.dealloc(p, layout);
                }
            }
        }
    }

    /// The option index is mimalloc's purge delay: its documented default before, never after
    /// (unless the environment set it, in which case it stays as set).
    #[test]
    fn freed_memory_is_kept_unless_the_environment_says_otherwise() {
        use super::{keep_freed_memory, PURGE_DELAY, PURGE_DELAY_VAR};
        // The purge delay mimalloc works with now, in milliseconds (`-1`: never).
        // SAFETY: reads one of mimalloc's options.
        let purge_delay = || unsafe { libmimalloc_sys::mi_option_get(PURGE_DELAY) };
        match std::env::var(PURGE_DELAY_VAR) {
            Ok(set) => {
                let set: std::ffi::c_long = set.trim().parse().unwrap_or(10);
                keep_freed_memory();
                assert_eq!(purge_delay(), set);
            }
            Err(_) => {
                assert_eq!(purge_delay(), 10, "mimalloc's default purge delay");
                keep_freed_memory();
                assert_eq!(purge_delay(), -1);
            }
        }
    }

    #[test]
    fn the_plain_path_is_taken_only_where_mimalloc_aligns() {
        use super::naturally_aligned;
        assert!(naturally_aligned(24, 8) && naturally_aligned(16, 16) && naturally_aligned(1, 1));
        assert!(!naturally_aligned(8, 16) && !naturally_aligned(64, 32));
    }
}
