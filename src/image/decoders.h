// image/decoders — one function per format (internal to image/): each
// fills `pic` from the file's bytes or says what is wrong in `problem`.
// `limits` are checked against the declared size before any allocation.
#pragma once

#include <string>
#include <string_view>

#include "image/image.h"

namespace deckpdf::image {

bool decode_png(std::string_view bytes, const Limits& limits, Picture& pic, std::string& problem);
bool decode_jpeg(std::string_view bytes, const Limits& limits, Picture& pic, std::string& problem);
bool decode_gif(std::string_view bytes, const Limits& limits, Picture& pic, std::string& problem);
bool decode_webp(std::string_view bytes, const Limits& limits, Picture& pic, std::string& problem);

// The size check every decoder makes on a picture's declared size, before
// allocating: false with `problem` set when it is empty or past `limits`.
bool size_allowed(uint64_t width, uint64_t height, const Limits& limits, std::string& problem);

// Interleaved samples with alpha last (`channels` of them, 2 or 4) split
// into colour and alpha; the alpha is dropped when every pixel is opaque.
void split_alpha(const std::string& samples, int channels, Picture& pic);

}  // namespace deckpdf::image
