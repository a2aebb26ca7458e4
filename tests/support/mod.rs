pub mod robustness;
