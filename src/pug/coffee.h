// pug/coffee — what deckpdf reads of a CoffeeScript script (`script` +
// `:coffee-script`): nothing is run, but reveal.js's options, written as
// CoffeeScript writes an object (`Reveal.initialize` and indented `key:
// value` lines), are what decide the print's slide size and centring. They
// are turned into the JavaScript call deck/reveal_config reads.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace deckpdf::pug {

// `Reveal.initialize({key: value, ...});` from the CoffeeScript `lines`, or
// "" when they hold no such call. A value written as a number, a boolean
// (`true`, `yes`, `on`...) or a plain string is kept; any other value (an
// array, a nested object, an expression) becomes `null`, so that the
// option is named as one deckpdf cannot read.
std::string coffee_reveal_initialize(const std::vector<std::string_view>& lines);

}  // namespace deckpdf::pug
