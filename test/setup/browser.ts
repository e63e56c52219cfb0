import "@testing-library/jest-dom/vitest";
import "./async-deadline";
