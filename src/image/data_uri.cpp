// image/data_uri — see data_uri.h.
#include "image/data_uri.h"

#include <cctype>

namespace deckpdf::image {

namespace {

int sextet(char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '+' || c == '-') return 62;
  if (c == '/' || c == '_') return 63;
  return -1;
}

}  // namespace

std::optional<std::string> data_uri_bytes(std::string_view uri, std::string& problem) {
  size_t comma = uri.find(',');
  std::string head(uri.substr(0, comma));
  for (char& c : head) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (comma == std::string_view::npos || head.rfind("data:image/", 0) != 0) {
    problem = "is a data: URI that holds no picture";
    return std::nullopt;
  }
  if (head.size() < 7 || head.compare(head.size() - 7, 7, ";base64") != 0) {
    problem = "is a data: URI that is not base64";
    return std::nullopt;
  }
  std::optional<std::string> out = base64_decode(uri.substr(comma + 1));
  if (!out) problem = "is a data: URI with broken base64";
  return out;
}

std::optional<std::string> base64_decode(std::string_view text) {
  std::string out;
  out.reserve(text.size() / 4 * 3);
  uint32_t acc = 0;
  int bits = 0;
  for (char c : text) {
    if (c == '=' || std::isspace(static_cast<unsigned char>(c))) continue;
    int v = sextet(c);
    if (v < 0) return std::nullopt;
    acc = (acc << 6) | static_cast<uint32_t>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push_back(static_cast<char>((acc >> bits) & 0xFF));
    }
  }
  return out;
}

}  // namespace deckpdf::image
