// pdf/serialize — the document's bytes, written by us over libharu's
// object graph (internal). libharu stays the object model; its writer would
// give every object its own `N 0 obj` and a 20-byte xref line, and every
// stream an indirect /Length object: about 250 bytes per build page. Here:
//   * the objects reachable from the catalog and the info dictionary, and
//     nothing else, numbered densely in the order a breadth-first walk
//     reaches them (the catalog is 1; page dictionaries end up together);
//   * every object that is not a stream packed into Flate-compressed object
//     streams (PDF 32000 7.5.7) of at most `objects_per_stream` objects, so
//     that page dictionaries and other small objects compress together and
//     a reader inflates one chunk, not the whole file, to find one;
//   * streams as ordinary objects with a direct /Length;
//   * a cross-reference stream (7.5.8), PNG-up predicted and compressed,
//     that is also the trailer: /Root, /Info and an /ID that is the MD5
//     (libharu's HPDF_MD5) of every byte before it, so equal documents get
//     equal IDs and the file stays reproducible;
//   * a `%PDF-1.7` header and a comment of bytes above 127 (files with
//     binary data are read as binary).
#pragma once

#include <hpdf.h>

#include <cstddef>
#include <string>

namespace deckpdf::pdf {

inline constexpr size_t objects_per_stream = 128;

// Writes `doc` into `bytes`. Returns false with `error` set when the graph
// holds something this writer cannot write (an object libharu would write
// through a hook of its own, a string with a libharu encoder, a file stream)
// or when libharu reports an error while its objects get ready to be written.
bool serialize(HPDF_Doc doc, std::string& bytes, std::string& error);

}  // namespace deckpdf::pdf
