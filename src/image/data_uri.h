// image/data_uri — pictures written into the deck as data: URIs.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace deckpdf::image {

// The bytes of a `data:image/...;base64,...` URI (whitespace inside the
// base64 is skipped, as browsers do); nullopt with `problem` set for any
// other data: URI or broken base64.
std::optional<std::string> data_uri_bytes(std::string_view uri, std::string& problem);

// Base64 (with the URL-safe alphabet's - and _ too) as bytes; padding and
// white space are skipped; nullopt at any other character.
std::optional<std::string> base64_decode(std::string_view text);

}  // namespace deckpdf::image
