/**
 * Managed objects carried by Register and Get: Symmetric Key and Secret Data with their Key Block;
 * other object types and wrapped key values pass through as read. No toString shows key material.
 */
package dev.krypton.kmip.object;
