import { storeConformance } from "../conformance/index.js";
import { openSqliteStore } from "./index.js";

storeConformance("sqlite in memory", async () => openSqliteStore(":memory:"));
