resource "aws_appmesh_virtual_node" "api" {
  name      = "api"
  mesh_name = "main"

  spec {
    backend {
      virtual_service {
        virtual_service_name = "orders.local"
      }
    }

    backend {
      # billing is second
      virtual_service {
        virtual_service_name = "billing.local"
      }
    }
    backend {
      virtual_service {
        virtual_service_name = "users.local"
      }
    }
  }
}
