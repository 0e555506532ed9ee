package droppedtx
