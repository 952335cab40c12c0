//! Integration tests of multisum-rouge.

mod cases;
