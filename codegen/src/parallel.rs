//! Order-keeping parallel work, shared by page parsing and emit.

/// Maps `f` over `items` on all cores (serially for fewer than `serial_below` items), keeping
/// the order, so the result is the same whatever the scheduling.
pub(crate) fn map_in_order<T: Sync, R: Send>(
    items: &[T],
    serial_below: usize,
    f: impl Fn(&T) -> R + Sync,
) -> Vec<R> {
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(items.len().max(1));
    if threads <= 1 || items.len() < serial_below {
        return items.iter().map(&f).collect();
    }
    let chunk = items.len().div_ceil(threads);
    let f = &f;
    std::thread::scope(|s| {
        let handles: Vec<_> = items
            .chunks(chunk)
            .map(|c| s.spawn(move || c.iter().map(f).collect::<Vec<_>>()))
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    })
}
