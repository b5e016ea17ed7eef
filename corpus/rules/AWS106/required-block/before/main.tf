resource "aws_appmesh_virtual_node" "missing" {
  name      = "missing"
  mesh_name = "mesh"

  spec {
    backend {
    }
  }
}

resource "aws_appmesh_virtual_node" "dynamic" {
  name      = "dynamic"
  mesh_name = "mesh"

  spec {
    backend {
      dynamic "virtual_service" {
        for_each = var.services
        content {
          virtual_service_name = virtual_service.value
        }
      }
    }
  }
}
