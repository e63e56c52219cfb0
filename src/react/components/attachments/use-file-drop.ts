"use client";

import { useEffect, useState } from "react";

function hasFiles(event: DragEvent): boolean {
  return Array.from(event.dataTransfer?.types ?? []).includes("Files");
}

/**
 * Hears files pasted into or dropped on `form` and hands them to `onFiles`; returns whether
 * files are being dragged over it (for a drop highlight). Paste without files (text) is left
 * to the input.
 */
export function useFileDrop(
  form: HTMLFormElement | null,
  disabled: boolean,
  onFiles: (files: File[]) => void,
): boolean {
  const [dragging, setDragging] = useState(false);
  useEffect(() => {
    if (!form || disabled) return;
    let depth = 0;
    const onPaste = (event: ClipboardEvent) => {
      const files = Array.from(event.clipboardData?.files ?? []);
      if (files.length === 0) return;
      event.preventDefault();
      onFiles(files);
    };
    const onDragEnter = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      depth += 1;
      setDragging(true);
    };
    const onDragOver = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = "copy";
    };
    const onDragLeave = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const onDrop = (event: DragEvent) => {
      const files = Array.from(event.dataTransfer?.files ?? []);
      depth = 0;
      setDragging(false);
      if (files.length === 0) return;
      event.preventDefault();
      onFiles(files);
    };
    form.addEventListener("paste", onPaste);
    form.addEventListener("dragenter", onDragEnter);
    form.addEventListener("dragover", onDragOver);
    form.addEventListener("dragleave", onDragLeave);
    form.addEventListener("drop", onDrop);
    return () => {
      form.removeEventListener("paste", onPaste);
      form.removeEventListener("dragenter", onDragEnter);
      form.removeEventListener("dragover", onDragOver);
      form.removeEventListener("dragleave", onDragLeave);
      form.removeEventListener("drop", onDrop);
      setDragging(false);
    };
  }, [form, disabled, onFiles]);
  return dragging;
}
