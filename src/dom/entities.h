// dom/entities — HTML character references (`&amp;`, `&#8217;`, `&#x2603;`).
//
// Pug text is HTML, so the parser decodes references into the Text node's
// text; dom::to_html escapes again when writing.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace deckpdf::dom {

// Decodes one character reference at the start of `s` (which begins with
// '&'). Appends the decoded UTF-8 to `out` and returns the number of bytes
// read, or 0 when `s` does not start with a reference (the '&' is then
// literal). In attribute values, legacy references without ';' followed by
// an alphanumeric or '=' are not decoded (as HTML says).
size_t entity_decode_one(std::string_view s, std::string& out, bool in_attribute);

// Decodes every character reference in `s`.
std::string entities_decode(std::string_view s, bool in_attribute = false);

namespace detail {
struct EntityEntry {
  const char* name;   // without the '&', with the ';' when the form needs it
  const char* value;  // UTF-8
};
extern const EntityEntry entity_table[];
extern const size_t entity_table_size;
}  // namespace detail

}  // namespace deckpdf::dom
