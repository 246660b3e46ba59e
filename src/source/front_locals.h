// source/front_locals — the `locals:` map of a deck's front matter, read
// from its small YAML subset into JSON (the deck's Pug locals, as
// `--locals FILE.json` gives them).
//
//   locals:
//     title: Functional JS      # plain, "double" or 'single' quoted strings
//     year: 2024                # numbers, true/false, null
//     topics: [map, filter]     # flow lists of scalars
//     people:                   # nested maps and lists, list items maps too
//       - name: Ada
//         born: 1815
//
// Anchors, tags, block scalars (`|`, `>`) and flow maps are refused. Every
// problem is an error at its line; the entry is left out and reading goes
// on. Bounded: nesting depth and entry count.
#pragma once

#include <cstdint>
#include <string>

#include "source/diagnostic.h"
#include "source/source.h"

namespace deckpdf {

inline constexpr int max_locals_depth = 16;
inline constexpr size_t max_locals_entries = 10000;

// Reads lines [first, last] (1-based, inclusive) of `source`, the block
// indented under a `locals:` key whose own indentation is `key_indent`,
// into a JSON object. Blank lines and `#` comment lines are skipped.
std::string front_locals_json(const Source& source, uint32_t first, uint32_t last,
                              size_t key_indent, Diagnostics& diags);

}  // namespace deckpdf
