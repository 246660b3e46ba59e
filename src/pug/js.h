// pug/js.h — the JavaScript literals Pug attribute values and code may hold,
// read without running anything.
//
// deckpdf never executes JavaScript. Where a deck writes a constant —
// `href="#x"`, `width=560`, `checked=true`, `class=['a', 'b']`,
// `#{"text"}`, `attr="a" + "b"` — its value is read here; anything else is
// not a literal and the parser reports it.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace deckpdf::pug {

struct JsField;

struct JsValue {
  enum class Kind { String, Number, Bool, Null, Array, Object };
  Kind kind = Kind::Null;
  std::string str;  // String; Number as written
  bool boolean = false;
  std::vector<JsValue> items;   // Array
  std::vector<JsField> fields;  // Object, in written order

  bool truthy() const;
  // The value as Pug writes it into an attribute or text (`String(value)`).
  std::string to_string() const;
};

// One `key: value` of an object literal. (Not a std::pair: a pair of an
// incomplete JsValue inside JsValue does not compile with clang.)
struct JsField {
  std::string key;
  JsValue value;
};

// Reads `expr` as a literal: a string ('', "", `` without ${}), a number,
// true/false/null/undefined, an array or object of literals, or strings
// joined with `+`. `concatenated` is set when `+` was used. Returns nothing
// for anything else.
std::optional<JsValue> js_literal(std::string_view expr, bool* concatenated = nullptr);

}  // namespace deckpdf::pug
