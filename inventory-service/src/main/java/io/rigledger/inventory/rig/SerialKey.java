package io.rigledger.inventory.rig;

/** A rig's identity within an organisation: the maker's serial number is unique per manufacturer. */
public record SerialKey(String manufacturer, String serial) {
}
