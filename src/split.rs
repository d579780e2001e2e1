//! Split points: functions whose code the release build downloads only when first called.
//! With the `split` feature (`scripts/build-app.sh`), `wasm-split` moves each part's code out of
//! the main wasm into its own file and a call first loads that file; without the feature (host
//! and wasm-bindgen tests) the call is direct. Functions naming the same part share one file.

pub use leptos::wasm_split::SplitLoaderError;

/// `lazy_fn!(/// doc \n in part: fn name(args) -> T => body);` defines a module `name` with
/// `pub async fn name(args) -> Result<T, SplitLoaderError>` and `pub async fn load()`, which only
/// fetches the part (so a caller can fetch it beside other things before calling). The error
/// means the part's file could not be had (offline before the offline copy was made, or the
/// server gone). The function keeps the caller's name: wasm-split links a part by it.
macro_rules! lazy_fn {
    ($(#[$doc:meta])* in $part:ident: fn $name:ident ( $($arg:ident : $ty:ty),* ) -> $ret:ty => $body:expr) => {
        $(#[$doc])*
        pub mod $name {
            #[allow(unused_imports)]
            use super::*;
            use $crate::split::SplitLoaderError;

            #[cfg(feature = "split")]
            #[allow(improper_ctypes_definitions)]
            #[::leptos::wasm_split::wasm_split($part, wasm_split_path = ::leptos::wasm_split, fallible, preload(load))]
            pub fn $name($($arg: $ty),*) -> Result<$ret, SplitLoaderError> {
                Ok($body)
            }

            #[cfg(not(feature = "split"))]
            pub async fn $name($($arg: $ty),*) -> Result<$ret, SplitLoaderError> {
                Ok($body)
            }

            #[cfg(not(feature = "split"))]
            pub async fn load() -> Result<(), SplitLoaderError> {
                Ok(())
            }
        }
    };
}
pub(crate) use lazy_fn;
