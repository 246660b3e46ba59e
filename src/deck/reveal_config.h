// deck/reveal_config — the options of an HTML deck's `Reveal.initialize({
// ... })` that change what is printed, read from the object literal as
// written (nothing is run): width, height, margin, center and slideNumber. An
// option that would change the print but that deckpdf does not apply is
// named in one warning; options that only matter on screen (controls,
// transitions, plugins...) are passed over in silence.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "source/diagnostic.h"

namespace deckpdf::deck {

struct RevealConfig {
  bool found = false;  // a Reveal.initialize call with an object literal
  std::optional<double> width, height, margin;
  std::optional<std::string> slide_number;  // "true", "false" or a format ("c/t")
  std::optional<bool> center;               // slides centred vertically (reveal.js: true)
};

// Reads the first `Reveal.initialize({` in `script` (whose byte 0 is at
// source offset `at`); warnings point into the script.
RevealConfig reveal_config_read(std::string_view script, uint32_t at, Diagnostics& diags);

}  // namespace deckpdf::deck
