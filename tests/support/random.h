// A small deterministic pseudo-random generator for tests that try many
// generated inputs: the same sequence on every run and every machine.
#pragma once

#include <cstddef>
#include <cstdint>

namespace deckpdf::test {

struct Lcg {
  uint64_t state;
  uint32_t next() {
    state = state * 6364136223846793005ull + 1442695040888963407ull;
    return static_cast<uint32_t>(state >> 33);
  }
  size_t below(size_t n) { return next() % n; }
};

}  // namespace deckpdf::test
