#include "kiosk/export/vcard_writer.h"

#include <algorithm>

#include "kiosk/export/file_sink.h"

namespace etalase::exporting {

namespace {

constexpr std::size_t kMaxLineOctets = 75;

bool isContinuationByte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

bool isE164(std::string_view phone) {
  return phone.size() >= 2 && phone.front() == '+' &&
         std::all_of(phone.begin() + 1, phone.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Values that go into a card unescaped (URIs) must not be able to break out of their line.
bool isUuid(std::string_view uuid) {
  return uuid.size() == 36 && std::all_of(uuid.begin(), uuid.end(), [](char c) {
           return c == '-' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') ||
                  (c >= 'A' && c <= 'F');
         });
}

// "2026-12-02T17:13:16.123Z" -> "20261202T171316Z" (RFC 6350 timestamp); empty if not that shape.
std::string vcardTimestamp(std::string_view iso) {
  if (iso.size() < 20 || iso[4] != '-' || iso[7] != '-' || iso[10] != 'T' || iso[13] != ':' ||
      iso[16] != ':' || iso.back() != 'Z') {
    return {};
  }
  std::string stamp;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) stamp += iso[i];
  stamp += 'T';
  for (std::size_t i : {11, 12, 14, 15, 17, 18}) stamp += iso[i];
  const auto digitOrT = [](char c) { return c == 'T' || (c >= '0' && c <= '9'); };
  if (!std::all_of(stamp.begin(), stamp.end(), digitOrT)) return {};
  return stamp + 'Z';
}

void property(std::string& out, std::string_view name, std::string_view value) {
  std::string line(name);
  line += ':';
  line += value;
  appendFoldedLine(out, line);
}

class VCardWriter final : public LeadWriter {
 public:
  explicit VCardWriter(FileSink sink) : m_sink(std::move(sink)) {}
  using LeadWriter::write;
  // A card has no place for a merge's columns: vCard is not a merge output.
  std::optional<Error> write(const leads::Lead& lead, const MergedFields*) override {
    return m_sink.append(leadVCard(lead));
  }
  std::optional<Error> finish() override { return m_sink.close(); }

 private:
  FileSink m_sink;
};

}  // namespace

std::string escapeVCardText(std::string_view text) {
  std::string escaped;
  escaped.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\\' || c == ',' || c == ';') {
      escaped += '\\';
      escaped += c;
    } else if (c == '\r' || c == '\n') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      escaped += "\\n";
    } else {
      escaped += c;
    }
  }
  return escaped;
}

void appendFoldedLine(std::string& out, std::string_view line) {
  // The first line holds 75 octets, each continuation line a space and 74.
  std::size_t room = kMaxLineOctets;
  while (line.size() > room) {
    std::size_t cut = room;
    while (cut > 0 && isContinuationByte(line[cut])) --cut;  // start of the sequence at `cut`
    if (cut == 0) cut = room;  // not UTF-8 at all: cut anyway rather than loop
    out.append(line.substr(0, cut));
    out += "\r\n ";
    line.remove_prefix(cut);
    room = kMaxLineOctets - 1;
  }
  out.append(line);
  out += "\r\n";
}

std::string leadVCard(const leads::Lead& lead) {
  std::string card = "BEGIN:VCARD\r\nVERSION:4.0\r\n";
  const std::string name = escapeVCardText(lead.name);
  // FN is required; a card with no name shows the company, or the e-mail, in address books.
  property(card, "FN", !name.empty()                 ? name
                       : !lead.company.empty()       ? escapeVCardText(lead.company)
                                                     : escapeVCardText(lead.email));
  // Names are not split: family-name-first (王芳), patronymics (bin Ismail) and single names
  // defeat any rule. The whole name goes in the family-name component, shown as it was typed.
  if (!name.empty()) property(card, "N", name + ";;;;");
  if (!lead.company.empty()) property(card, "ORG", escapeVCardText(lead.company));
  if (!lead.email.empty()) property(card, "EMAIL", escapeVCardText(lead.email));
  if (isE164(lead.phone)) {
    property(card, "TEL;VALUE=uri", "tel:" + lead.phone);
  } else if (!lead.phone.empty()) {
    property(card, "TEL;VALUE=text", escapeVCardText(lead.phone));  // stored before validation
  }
  // The seventh ADR component is the country; the code is what we have (ISO 3166 alpha-2).
  if (!lead.countryCode.empty()) {
    property(card, "ADR", ";;;;;;" + escapeVCardText(lead.countryCode));
  }
  std::string note = lead.message;
  if (!lead.productIds.empty()) {
    note += note.empty() ? "Products: " : "\n\nProducts: ";
    for (std::size_t i = 0; i < lead.productIds.size(); ++i) {
      note += (i > 0 ? ", " : "") + lead.productIds[i];
    }
  }
  if (!note.empty()) property(card, "NOTE", escapeVCardText(note));
  if (isUuid(lead.uuid)) property(card, "UID", "urn:uuid:" + lead.uuid);
  if (const std::string rev = vcardTimestamp(lead.createdUtc); !rev.empty()) {
    property(card, "REV", rev);
  }
  card += "END:VCARD\r\n";
  return card;
}

Result<std::unique_ptr<LeadWriter>> openVCardWriter(const std::filesystem::path& file) {
  auto sink = FileSink::create(file);
  if (!sink) return sink.error();
  return std::unique_ptr<LeadWriter>(std::make_unique<VCardWriter>(std::move(sink.value())));
}

}  // namespace etalase::exporting
