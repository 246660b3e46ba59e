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

}  // namespace deckpdf::image
