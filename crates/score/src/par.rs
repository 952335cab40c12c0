//! Row-parallel helpers: rayon with the `rayon` feature, plain loops
//! without. Each row is computed on its own and written to its own slot,
//! so the results never depend on the number of threads.

/// `f(scratch, i)` for `i` in `0..n`, in order. `init` makes a scratch
/// space; `f` must not let its result depend on what an earlier row left
/// there.
#[cfg(feature = "rayon")]
pub(crate) fn map_rows<T, S, I, F>(n: usize, init: I, f: F) -> Vec<T>
where
    T: Send,
    I: Fn() -> S + Sync + Send,
    F: Fn(&mut S, usize) -> T + Sync + Send,
{
    map_rows_chunked(n, 256, init, f)
}

/// [`map_rows`] with chunks of at least `min_chunk` rows sharing one
/// scratch space: small for cheap scratch spaces and uneven rows.
#[cfg(feature = "rayon")]
pub(crate) fn map_rows_chunked<T, S, I, F>(n: usize, min_chunk: usize, init: I, f: F) -> Vec<T>
where
    T: Send,
    I: Fn() -> S + Sync + Send,
    F: Fn(&mut S, usize) -> T + Sync + Send,
{
    use rayon::prelude::*;
    // Chunks of rows share one scratch space; their size only affects
    // speed, never results.
    let chunk = n
        .div_ceil(16 * rayon::current_num_threads())
        .max(min_chunk.max(1));
    let chunks: Vec<Vec<T>> = (0..n.div_ceil(chunk))
        .into_par_iter()
        .map(|c| {
            let mut scratch = init();
            (c * chunk..n.min((c + 1) * chunk))
                .map(|i| f(&mut scratch, i))
                .collect()
        })
        .collect();
    chunks.into_iter().flatten().collect()
}

/// `f(scratch, i)` for `i` in `0..n`, in order.
#[cfg(not(feature = "rayon"))]
pub(crate) fn map_rows<T, S, I, F>(n: usize, init: I, f: F) -> Vec<T>
where
    I: Fn() -> S,
    F: Fn(&mut S, usize) -> T,
{
    map_rows_chunked(n, 256, init, f)
}

/// `f(scratch, i)` for `i` in `0..n`, in order; the chunk size only
/// matters with the `rayon` feature.
#[cfg(not(feature = "rayon"))]
pub(crate) fn map_rows_chunked<T, S, I, F>(n: usize, _min_chunk: usize, init: I, f: F) -> Vec<T>
where
    I: Fn() -> S,
    F: Fn(&mut S, usize) -> T,
{
    let mut scratch = init();
    (0..n).map(|i| f(&mut scratch, i)).collect()
}

/// Sets `out[i] = f(i)` for every slot.
#[cfg(feature = "rayon")]
pub(crate) fn fill<F>(out: &mut [f64], f: F)
where
    F: Fn(usize) -> f64 + Sync + Send,
{
    use rayon::prelude::*;
    out.par_iter_mut()
        .with_min_len(1024)
        .enumerate()
        .for_each(|(i, slot)| *slot = f(i));
}

/// Sets `out[i] = f(i)` for every slot.
#[cfg(not(feature = "rayon"))]
pub(crate) fn fill<F>(out: &mut [f64], f: F)
where
    F: Fn(usize) -> f64,
{
    for (i, slot) in out.iter_mut().enumerate() {
        *slot = f(i);
    }
}
