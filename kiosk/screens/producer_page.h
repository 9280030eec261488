// A producer's page while it is open: owns its logo and contact code, and knows the screen its
// Back leads to. screens/producer_screen draws the page. UI thread only.
#pragma once

#include <string>

#include "kiosk/catalog/catalog.h"
#include "kiosk/media_output.h"
#include "kiosk/navigation.h"
#include "kiosk/screens/contact_code.h"
#include "kiosk/screens/producer_screen.h"
#include "platform/sdl_ptr.h"

namespace etalase::kiosk {

class ProducerPage {
 public:
  // `output` must outlive the page.
  explicit ProducerPage(const MediaOutput& output) : m_output(output) {}

  // Shows the producer, opened from screen `from`. False when the catalog has no such producer.
  bool open(const Catalog& catalog, const std::string& producerId, ScreenId from);
  // Frees the logo and forgets the producer (the catalog may go next).
  void close();
  bool isOpen() const { return m_producer != nullptr; }
  // The producer shown; empty when closed.
  std::string producerId() const { return m_producer ? m_producer->id : std::string(); }
  // Where Back leads: the product page it was opened from, else the grid.
  ScreenId backTo() const { return m_backTo; }

  // The page; only while open.
  ProducerAction draw(const ScreenContext& context) const;

 private:
  const MediaOutput& m_output;
  const Producer* m_producer = nullptr;  // in the catalog open() was given
  ScreenId m_backTo = ScreenId::Grid;
  platform::TexturePtr m_logo;
  ContactCode m_contact;
  ProducerMedia m_media;
};

}  // namespace etalase::kiosk
