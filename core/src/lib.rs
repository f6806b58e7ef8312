//! renda
